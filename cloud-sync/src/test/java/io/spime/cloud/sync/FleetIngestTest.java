package io.spime.cloud.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.fleet.SignalReading;
import io.spime.wire.StreamPosition;
import io.spime.wire.Topics;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FleetIngestTest {
  private static final SignalCatalog CATALOG = SignalCatalog.builtIn();
  private static final TelemetryCodec CODEC = new TelemetryCodec(CATALOG);
  private static final int SPEED = CATALOG.require("Vehicle.Speed").id();
  private static final int ODOMETER = CATALOG.require("Vehicle.TraveledDistance").id();

  @TempDir Path dir;

  static List<String> brokers() {
    return TestBrokers.all();
  }

  private static byte[] batch(AssetId vin, long stream, long seq, long time, double speed) {
    return CODEC.encode(new TelemetryBatch(vin, new StreamPosition(stream, seq, 7), CATALOG.version(),
        List.of(
            new Sample(SPEED, time, SignalValue.of(speed)),
            new Sample(SPEED, time + 100, SignalValue.of(speed + 1)),
            new Sample(ODOMETER, time, SignalValue.of(1000.0 + seq)))));
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void applies_a_cars_batches_to_its_twin_and_acks_the_highest_durable_seq(String url)
      throws Exception {
    AssetId vin = TestVins.random();
    List<Long> durableSeqs = new CopyOnWriteArrayList<>();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest =
            FleetIngest.builder(url, store)
                .onDurable((batch, committed) -> durableSeqs.add(batch.position().seq()))
                .build()) {
      ingest.start();
      try (FakeCar car = new FakeCar(url, vin)) {
        long now = System.currentTimeMillis();
        for (int seq = 1; seq <= 5; seq++) {
          car.sendTelemetry(batch(vin, 42, seq, now + seq * 1000, 50 + seq));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> car.highestAck() == 5);
        assertEquals(15, store.samplesApplied(vin));
        Map<Integer, SignalReading> latest = store.latestSignals(vin);
        assertEquals(56.0, ((SignalValue.Number) latest.get(SPEED).value()).value(), 1e-9);
        assertEquals(1005.0, ((SignalValue.Number) latest.get(ODOMETER).value()).value(), 1e-9);
        assertEquals(42, car.acks.get(car.acks.size() - 1).streamId());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), durableSeqs, "told of each batch once, in order");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void tells_when_a_batch_was_received_and_when_it_was_committed(String url) throws Exception {
    AssetId vin = TestVins.random();
    List<long[]> told = new CopyOnWriteArrayList<>();
    DurabilityListener listener = new DurabilityListener() {
      @Override
      public void durable(TelemetryBatch batch, long committedMillis) {
        throw new AssertionError("the ingest calls the three-argument method");
      }

      @Override
      public void durable(TelemetryBatch batch, long receivedMillis, long committedMillis) {
        told.add(new long[] {batch.position().seq(), receivedMillis, committedMillis});
      }
    };
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).onDurable(listener).build()) {
      ingest.start();
      try (FakeCar car = new FakeCar(url, vin)) {
        long sent = System.currentTimeMillis();
        car.sendTelemetry(batch(vin, 3, 1, sent, 20));
        await().atMost(Duration.ofSeconds(15)).until(() -> car.highestAck() == 1);
        long acked = System.currentTimeMillis();
        assertEquals(1, told.size());
        long[] batch = told.get(0);
        assertEquals(1, batch[0]);
        assertTrue(sent <= batch[1] && batch[1] <= batch[2] && batch[2] <= acked,
            "sent " + sent + " <= received " + batch[1] + " <= committed " + batch[2] + " <= acked " + acked);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void drops_a_resent_batch_once_and_acks_it_again(String url) throws Exception {
    AssetId vin = TestVins.random();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).build()) {
      ingest.start();
      try (FakeCar car = new FakeCar(url, vin)) {
        byte[] first = batch(vin, 9, 1, System.currentTimeMillis(), 10);
        car.sendTelemetry(first);
        car.sendTelemetry(first);
        await().atMost(Duration.ofSeconds(15))
            .until(() -> ingest.stats().duplicateBatches() == 1 && car.highestAck() == 1);
        assertEquals(3, store.samplesApplied(vin));
        assertEquals(1, ingest.stats().appliedBatches());
        assertTrue(car.acks.stream().allMatch(ack -> ack.seq() == 1));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void rejects_bad_messages_by_reason_and_keeps_serving_other_cars(String url) throws Exception {
    Random random = new Random(5);
    AssetId victim = TestVins.random(random);
    AssetId other = TestVins.random(random);
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).build()) {
      ingest.start();
      try (FakeCar bad = new FakeCar(url, victim);
          FakeCar good = new FakeCar(url, other)) {
        long now = System.currentTimeMillis();
        byte[] valid = batch(victim, 3, 1, now, 20);
        bad.sendTelemetry(Arrays.copyOf(valid, valid.length / 2));
        byte[] garbage = new byte[200];
        random.nextBytes(garbage);
        bad.sendTelemetry(garbage);
        bad.sendTelemetry(new byte[TelemetryCodec.MAX_PAYLOAD_BYTES + 1]);
        bad.sendTelemetry(batch(other, 3, 1, now, 20));
        bad.send(Topics.PREFIX + "not-a-vin/telemetry", valid);
        good.sendTelemetry(batch(other, 4, 1, now, 30));

        await().atMost(Duration.ofSeconds(15)).until(() -> good.highestAck() == 1);
        await().atMost(Duration.ofSeconds(15))
            .until(() -> ingest.stats().rejectedTotal() == 5);
        Map<RejectReason, Long> rejected = ingest.stats().rejected();
        long undecodable = rejected.get(RejectReason.MALFORMED)
            + rejected.get(RejectReason.INVALID_VIN)
            + rejected.get(RejectReason.UNSUPPORTED_CATALOG)
            + rejected.get(RejectReason.UNKNOWN_SIGNAL);
        assertEquals(2, undecodable, "truncated and garbage payloads: " + rejected);
        assertEquals(1, rejected.get(RejectReason.OVERSIZED), rejected.toString());
        assertEquals(1, rejected.get(RejectReason.VIN_MISMATCH), rejected.toString());
        assertEquals(1, rejected.get(RejectReason.INVALID_TOPIC), rejected.toString());
        assertEquals(0, store.samplesApplied(victim));
        assertEquals(3, store.samplesApplied(other));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertTrue(bad.acks.isEmpty(), "nothing of the bad car may be acked"));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void a_batch_ahead_of_its_predecessor_is_held_and_applied_once_the_predecessor_comes(String url)
      throws Exception {
    AssetId vin = TestVins.random();
    List<Long> durableSeqs = new CopyOnWriteArrayList<>();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest =
            FleetIngest.builder(url, store)
                .maxApplyDelay(Duration.ofMillis(300))
                .onDurable((batch, committed) -> durableSeqs.add(batch.position().seq()))
                .build()) {
      ingest.start();
      try (FakeCar car = new FakeCar(url, vin)) {
        long now = System.currentTimeMillis();
        byte[] second = batch(vin, 11, 2, now + 1000, 60);
        car.sendTelemetry(second);
        car.sendTelemetry(batch(vin, 11, 1, now, 50));
        car.sendTelemetry(second);
        await().atMost(Duration.ofSeconds(15)).until(() -> car.highestAck() == 2);
        assertEquals(6, store.samplesApplied(vin));
        assertEquals(0, ingest.stats().gapBatches(), "held, not dropped");
        assertEquals(List.of(1L, 2L), durableSeqs);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void a_batch_whose_predecessor_never_comes_is_given_up_after_its_hold_and_applied_when_resent(String url)
      throws Exception {
    AssetId vin = TestVins.random();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).build()) {
      ingest.start();
      try (FakeCar car = new FakeCar(url, vin)) {
        long now = System.currentTimeMillis();
        byte[] second = batch(vin, 12, 2, now + 1000, 60);
        car.sendTelemetry(second);
        await().atMost(Duration.ofSeconds(15)).until(() -> ingest.stats().gapBatches() == 1);
        assertEquals(0, store.samplesApplied(vin));
        car.sendTelemetry(batch(vin, 12, 1, now, 50));
        car.sendTelemetry(second);
        await().atMost(Duration.ofSeconds(15)).until(() -> car.highestAck() == 2);
        assertEquals(6, store.samplesApplied(vin));
      }
    }
  }
}
