package io.spime.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.testkit.TestVins;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.PartyId;
import io.spime.twin.diagnostics.DtcSeverity;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.ingest.UplinkApplyResult;
import io.spime.wire.AssetId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two stores on one SQLite file, as two ingest processes sharing it: they wait for each other, never fail. */
class SharedFileTest {
  @TempDir Path dir;

  @Test
  void two_stores_applying_the_same_streams_at_once_wait_for_each_other_and_apply_each_batch_once()
      throws Exception {
    List<AssetId> vins = List.of(TestVins.numbered(910), TestVins.numbered(911), TestVins.numbered(912));
    int batches = 150;
    Path file = dir.resolve("twins.db");
    try (TwinStore first = TwinStores.sqlite(file);
        TwinStore second = TwinStores.sqlite(file)) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<Long> a = pool.submit(() -> applyAll(first, vins, batches));
        Future<Long> b = pool.submit(() -> applyAll(second, vins, batches));
        long applied = a.get(120, TimeUnit.SECONDS) + b.get(120, TimeUnit.SECONDS);
        assertEquals((long) vins.size() * batches, applied, "each batch is applied by exactly one store");
      } finally {
        pool.shutdownNow();
      }
      for (AssetId vin : vins) {
        assertEquals(2L * batches, first.samplesApplied(vin));
        assertEquals(2L * batches, second.samplesApplied(vin));
      }
    }
  }

  @Test
  void a_store_appends_on_the_head_another_store_on_the_file_moved() {
    AssetId vin = TestVins.numbered(913);
    Path file = dir.resolve("twins.db");
    try (TwinStore first = TwinStores.sqlite(file);
        TwinStore second = TwinStores.sqlite(file)) {
      long r = first.append(vin, 0, Fixtures.deliveredCar(vin)).revision();
      r = second.append(vin, r, Fixtures.timeline(Fixtures.T0.plus(Duration.ofHours(1)), Fixtures.CAR,
          new DtcRaised("P0001", DtcSeverity.INFO, "first"))).revision();
      long last = first.append(vin, r, Fixtures.timeline(Fixtures.T0.plus(Duration.ofHours(2)), Fixtures.CAR,
          new DtcRaised("P0002", DtcSeverity.INFO, "second"))).revision();

      assertEquals(r + 1, last);
      assertEquals(2, first.twin(vin).orElseThrow().openDtcs().size());
      assertEquals(2, second.twin(vin).orElseThrow().openDtcs().size());
    }
  }

  @ParameterizedTest(name = "{0} DTCs before the first read")
  @ValueSource(ints = {0, 70})
  void a_store_reads_what_another_store_on_the_file_wrote_after_its_own_last_read(int dtcs) {
    AssetId vin = TestVins.numbered(914);
    PartyId alice = PartyId.of("cust-alice");
    Path file = dir.resolve("twins.db");
    try (TwinStore reader = TwinStores.sqlite(file);
        TwinStore writer = TwinStores.sqlite(file)) {
      long r = writer.append(vin, 0, Fixtures.deliveredCar(vin)).revision();
      r = writer.append(vin, r, Fixtures.timeline(Fixtures.T0.plus(Duration.ofDays(1)), Fixtures.DEALER,
          Fixtures.owner(alice.value()))).revision();
      // past 64 revisions the store keeps a head row, which reads start from
      TwinEvent[] raised = IntStream.range(0, dtcs)
          .mapToObj(i -> new DtcRaised("P1" + (100 + i), DtcSeverity.INFO, "early")).toArray(TwinEvent[]::new);
      if (dtcs > 0) {
        r = writer.append(vin, r, Fixtures.timeline(Fixtures.T0.plus(Duration.ofDays(2)), Fixtures.CAR, raised))
            .revision();
      }
      Twin owned = reader.twin(vin).orElseThrow();
      assertEquals(alice, owned.currentEpoch().orElseThrow().holders().get(CustodyRole.OWNER).party());
      assertEquals(owned, reader.twin(vin).orElseThrow(), "an unchanged twin reads the same twice");

      long last = writer.append(vin, r, Fixtures.timeline(Fixtures.T0.plus(Duration.ofDays(3)), Fixtures.CAR,
          new DtcRaised("P0003", DtcSeverity.INFO, "third"))).revision();
      Twin moved = reader.twin(vin).orElseThrow();
      assertEquals(last, moved.revision(), "the reader sees the other store's new revision");
      assertEquals(dtcs + 1, moved.openDtcs().size());

      writer.eraseSubject(alice);
      Twin erased = reader.twin(vin).orElseThrow();
      assertEquals(last, erased.revision(), "an erasure rewrites in place, at the same revision");
      assertEquals(PartyId.ERASED, erased.currentEpoch().orElseThrow().holders().get(CustodyRole.OWNER).party(),
          "the reader never serves the erased subject from what it read before");
    }
  }

  /** Applies every car's batches 1..n in order, two samples each; returns the batches this store applied. */
  private static long applyAll(TwinStore store, List<AssetId> vins, int n) {
    long applied = 0;
    for (int seq = 1; seq <= n; seq++) {
      for (AssetId vin : vins) {
        UplinkApplyResult result = Fixtures.applyTelemetry(store, List.of(TelemetryApplyTest.batch(vin, 1, seq,
            TelemetryApplyTest.speed(1_000L * seq, seq), TelemetryApplyTest.speed(1_000L * seq + 1, seq))));
        applied += result.appliedMessages();
      }
    }
    return applied;
  }
}
