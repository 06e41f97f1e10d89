package io.spime.cloud.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.exceptions.ConcurrencyConflictException;
import io.spime.wire.AssetId;
import io.spime.wire.state.CollectionPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A downlink at a revision (an HTTP If-Match) changes the car only while its twin is at that revision. */
class ConditionalDownlinkTest {
  @TempDir Path dir;

  @Test
  void a_change_at_a_revision_the_twin_has_left_writes_and_publishes_nothing() {
    AssetId vin = TestVins.random();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(TestBrokers.embeddedUrl(), store).signingKey(TestKeys.SIGNER).build()) {
      ingest.start();
      RegisteredCars.deliver(store, vin, "owner-1", Set.of());
      long seen = store.twin(vin).orElseThrow().revision();
      long version = ingest.downlink().atRevision(seen).setPolicy(vin, CollectionPolicy.collectEverything());
      long now = store.twin(vin).orElseThrow().revision();
      assertEquals(seen + 1, now, "the change at the twin's revision was appended");

      ConcurrencyConflictException e = assertThrows(ConcurrencyConflictException.class,
          () -> ingest.downlink().atRevision(seen).endDriverAssignment(vin));
      assertEquals(seen, e.expected());
      assertEquals(now, e.actual());
      assertEquals(now, store.twin(vin).orElseThrow().revision(), "nothing was appended");
      assertEquals(version, store.twin(vin).orElseThrow().desired().version(), "the desired state is unchanged");
    }
  }

  @Test
  void of_writers_racing_at_one_revision_exactly_one_wins_and_the_others_conflict() throws Exception {
    AssetId vin = TestVins.random();
    int writers = 6;
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(TestBrokers.embeddedUrl(), store).signingKey(TestKeys.SIGNER).build()) {
      ingest.start();
      RegisteredCars.deliver(store, vin, "owner-1", Set.of());
      long seen = store.twin(vin).orElseThrow().revision();
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> outcomes = new ArrayList<>();
      try {
        for (int i = 0; i < writers; i++) {
          long policyVersion = i + 1;
          outcomes.add(pool.submit(() -> {
            start.await();
            try {
              ingest.downlink().atRevision(seen).setPolicy(vin, new CollectionPolicy(policyVersion, Map.of()));
              return true;
            } catch (ConcurrencyConflictException e) {
              return false;
            }
          }));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> f : outcomes) {
          won += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertEquals(1, won, "one writer at revision " + seen + " wins");
      } finally {
        pool.shutdownNow();
      }
      assertEquals(seen + 1, store.twin(vin).orElseThrow().revision(), "exactly one change was appended");
    }
  }
}
