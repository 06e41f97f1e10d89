package io.spime.cloud.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.AssetId;
import io.spime.wire.telemetry.TelemetryCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ingest holds a bounded amount of memory whatever the cars send. */
class IngestBoundsTest {
  private static final int MIB = TelemetryCodec.MAX_PAYLOAD_BYTES;

  @TempDir Path dir;

  static List<String> brokers() {
    return TestBrokers.all();
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void the_queue_holds_no_more_payload_bytes_than_its_bound_and_the_callback_waits(String url)
      throws Exception {
    AssetId vin = TestVins.random();
    CountDownLatch storeSlow = new CountDownLatch(1);
    try (TwinStore real = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, FaultyStore.around(real, group -> waitFor(storeSlow)))
            .queueBytes(4L * MIB)
            .maxBatchesPerTransaction(1)
            .onFatalError(cause -> { })
            .build()) {
      ingest.start();
      // A shared broker hands a new subscriber the retained status of every car of earlier tests:
      // count from where those end.
      long retained = settledReceived(ingest);
      long rejectedBefore = ingest.stats().rejectedTotal();
      try (FakeCar car = new FakeCar(url, vin)) {
        car.telemetry(1, System.currentTimeMillis(), 10);
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertEquals(retained + 1, ingest.stats().received(), "received"));
        for (int i = 0; i < 10; i++) {
          car.sendTelemetry(new byte[MIB]);
        }
        // One message in the store's hands, four of 1 MiB queued, the fifth waiting in the callback.
        // 5 MiB through a broker on a busy machine: the time bound is generous, the count exact.
        await().atMost(Duration.ofSeconds(40))
            .untilAsserted(() -> assertEquals(retained + 6, ingest.stats().received(), "received"));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertEquals(retained + 6, ingest.stats().received(), "received"));

        storeSlow.countDown();
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
          assertEquals(retained + 11, ingest.stats().received(), "received");
          assertEquals(rejectedBefore + 10, ingest.stats().rejectedTotal(), "rejected");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> car.highestAck() == 1);
        assertTrue(ingest.isHealthy());
      }
    }
  }

  @Test
  void a_queue_byte_bound_below_the_largest_payload_is_refused() throws Exception {
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"))) {
      FleetIngest.Builder builder = FleetIngest.builder("tcp://127.0.0.1:1", store);

      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> builder.queueBytes(MIB - 1));

      assertEquals("queueBytes must be at least 1048576 (the largest payload), was 1048575",
          e.getMessage());
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void forty_batches_that_would_decode_to_gigabytes_are_quarantined_and_other_cars_are_stored(
      String url) throws Exception {
    Random random = new Random(40);
    AssetId attacker = TestVins.random(random);
    AssetId other = TestVins.random(random);
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).onFatalError(cause -> { }).build()) {
      ingest.start();
      try (FakeCar bad = new FakeCar(url, attacker);
          FakeCar good = new FakeCar(url, other)) {
        long now = System.currentTimeMillis();
        for (int seq = 1; seq <= 40; seq++) {
          bad.sendTelemetry(DensePayloads.booleans(attacker, FakeCar.STREAM, seq, now, MIB));
          if (seq % 10 == 0) {
            good.telemetry(seq / 10, now + seq, 50);
          }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> good.highestAck() == 4);
        await().atMost(Duration.ofSeconds(60)).until(() -> bad.highestAck() == 40);
        assertEquals(40, ingest.stats().rejected().get(RejectReason.OVERSIZED));
        assertEquals(40, ingest.stats().quarantined());
        assertEquals(0, store.samplesApplied(attacker));
        assertEquals(12, store.samplesApplied(other));
        assertTrue(ingest.isHealthy(), "failure: " + ingest.failure());
      }
    }
  }

  /** What the ingest has received once nothing more has come for a second. */
  private static long settledReceived(FleetIngest ingest) {
    long[] last = {-1};
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> {
          long now = ingest.stats().received();
          boolean same = now == last[0];
          last[0] = now;
          return same;
        });
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
        .until(() -> ingest.stats().received() == last[0]);
    return last[0];
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await(90, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
