package io.spime.cloud.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.fleet.Connectivity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store failure that passes (another process held the SQLite file past its busy timeout) costs a
 * retry, not the group: the batch is stored and acked, and the connectivity record, which no car
 * resends, is not lost.
 */
class StoreFailureRetryTest {
  @TempDir Path dir;
  private final AtomicInteger failures = new AtomicInteger();

  /** What a test does with the real store behind the failing one, the ingest and a car. */
  interface Body {
    void run(TwinStore real, FleetIngest ingest, FakeCar car) throws Exception;
  }

  /** An ingest over a store whose {@code method} fails twice, then works. */
  private void withStoreFailingTwice(String method, Body body) throws Exception {
    String url = TestBrokers.embeddedUrl();
    try (TwinStore real = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, FaultyStore.around(real, method,
            args -> failTwice())).build()) {
      ingest.start();
      try (FakeCar car = new FakeCar(url, TestVins.random())) {
        body.run(real, ingest, car);
      }
    }
  }

  @Test
  void a_group_the_store_failed_twice_is_applied_and_acked_on_a_retry() throws Exception {
    withStoreFailingTwice("applyUplink", (real, ingest, car) -> {
      car.telemetry(1, System.currentTimeMillis(), 42);
      await().atMost(Duration.ofSeconds(15)).until(() -> car.highestAck() == 1);
      assertEquals(2, failures.get(), "the store failed twice before it took the group");
      assertEquals(3, real.samplesApplied(car.vin), "the batch's three samples, once");
      assertEquals(0, ingest.stats().rejectedTotal(), "nothing was given up");
    });
  }

  @Test
  void a_connectivity_record_the_store_failed_is_retried_not_lost() throws Exception {
    withStoreFailingTwice("recordConnectivity", (real, ingest, car) -> {
      car.status(true, System.currentTimeMillis());
      await().atMost(Duration.ofSeconds(15))
          .until(() -> real.connectivity(car.vin).map(Connectivity::online).orElse(false));
      assertEquals(2, failures.get());
    });
  }

  private void failTwice() {
    if (failures.get() < 2) {
      failures.incrementAndGet();
      throw new TwinStoreException("store twins.db failed while testing: [SQLITE_BUSY] database is locked");
    }
  }
}
