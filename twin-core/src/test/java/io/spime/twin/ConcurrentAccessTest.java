package io.spime.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.diagnostics.DtcSeverity;
import io.spime.twin.ingest.StreamProgress;
import io.spime.wire.AssetId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConcurrentAccessTest extends StoreContract {

  @Test
  void readers_on_other_threads_see_only_committed_progress_while_writers_run() throws Exception {
    AssetId vin = TestVins.numbered(900);
    AssetId other = TestVins.numbered(901);
    int batches = 200;
    try (TwinStore store = stores.open()) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      AtomicBoolean writing = new AtomicBoolean(true);
      try {
        Future<?> telemetry = pool.submit(() -> {
          for (int seq = 1; seq <= batches; seq++) {
            Fixtures.applyTelemetry(store, List.of(TelemetryApplyTest.batch(vin, 1, seq,
                TelemetryApplyTest.speed(1_000L * seq, seq), TelemetryApplyTest.speed(1_000L * seq + 1, seq))));
          }
          return null;
        });
        Future<?> events = pool.submit(() -> {
          long r = store.append(other, 0, Fixtures.deliveredCar(other)).revision();
          for (int i = 0; i < 50; i++) {
            r = store.append(other, r, Fixtures.timeline(Fixtures.T0.plus(Duration.ofHours(1 + i)), Fixtures.CAR,
                new io.spime.twin.event.DtcRaised("P" + i, DtcSeverity.INFO, "x"))).revision();
          }
          return null;
        });
        List<Future<List<Long>>> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          readers.add(pool.submit(() -> {
            List<Long> seen = new ArrayList<>();
            while (writing.get()) {
              long durable = store.streamProgress(vin).map(StreamProgress::durableSeq).orElse(0L);
              long samples = store.samplesApplied(vin);
              assertEquals(0, samples % 2, "a batch is applied whole or not at all");
              assertTrue(samples >= durable * 2, "progress never runs ahead of the samples");
              store.twin(other).ifPresent(tw -> assertEquals(tw.revision() - 4, tw.openDtcs().size()));
              seen.add(samples);
            }
            return seen;
          }));
        }
        telemetry.get(60, TimeUnit.SECONDS);
        events.get(60, TimeUnit.SECONDS);
        writing.set(false);
        for (Future<List<Long>> reader : readers) {
          List<Long> seen = reader.get(60, TimeUnit.SECONDS);
          for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "counts never go back");
          }
        }
      } finally {
        pool.shutdownNow();
      }
      assertEquals(2L * batches, store.samplesApplied(vin));
      assertEquals(54, store.twin(other).orElseThrow().revision());
    }
  }
}
