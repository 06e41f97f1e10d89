package io.spime.sim.bench;

import io.spime.cloud.sync.FleetIngest;
import io.spime.sim.bench.loopback.BrokerLoopback;
import io.spime.sim.bench.loopback.PerSecond;
import io.spime.sim.internal.threads.SimThreads;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.telemetry.TelemetryCodec;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end half: N agents record at a fixed rate through the broker into {@link FleetIngest}
 * and a twin store (SQLite or PostgreSQL); rates and latency are measured after the warm-up, then the outboxes
 * drain and every car's count is checked against the store.
 */
final class EndToEnd {
  private static final Duration CONNECT_LIMIT = Duration.ofMinutes(3);
  private static final Duration DRAIN_LIMIT = Duration.ofMinutes(2);
  private static final int PROGRESS_EVERY_SECONDS = 10;

  private final BenchConfig config;
  private final PrintWriter out;

  EndToEnd(BenchConfig config, PrintWriter out) {
    this.config = config;
    this.out = out;
  }

  /** The store the run writes to: {@code --store}, else {@code twins.db} in the data folder. */
  static String storeOf(BenchConfig config, Path dataDir) {
    return config.store().orElse(dataDir.resolve("twins.db").toString());
  }

  /**
   * Runs it against the broker at {@code brokerUrl}, keeping outboxes and the store under {@code dataDir}.
   *
   * @throws IllegalStateException if the agents do not connect in time
   */
  EndToEndResult run(String brokerUrl, Path dataDir) {
    DurableLatency latency = new DurableLatency();
    ScheduledExecutorService clock =
        Executors.newSingleThreadScheduledExecutor(SimThreads.daemon("spime-bench-record"));
    try (TwinStore store = TimedStore.wrap(TwinStores.open(storeOf(config, dataDir)));
        FleetIngest ingest = FleetIngest.builder(brokerUrl, store).onDurable(latency).build()) {
      ingest.start();
      long heapBefore = usedHeapAfterGc();
      long connectStart = System.nanoTime();
      try (BenchFleet fleet = BenchFleet.start(config, brokerUrl, dataDir.resolve("cars"))) {
        if (!fleet.awaitConnected(CONNECT_LIMIT)) {
          throw new IllegalStateException("not every agent connected within " + CONNECT_LIMIT.toMinutes()
              + " minutes; fewer --vehicles may fit this machine");
        }
        Duration connectTime = Duration.ofNanos(System.nanoTime() - connectStart);
        out.printf(Locale.ROOT, "  %d agents connected in %.1f s; recording %,d samples/s%n",
            config.vehicles(), connectTime.toMillis() / 1000.0, config.offeredSamplesPerSecond());
        out.flush();
        ScheduledFuture<?> ticks = startRecording(fleet.cars(), clock);
        BrokerLoopback.sleep(config.warmup());
        latency.measureFrom(System.currentTimeMillis());
        TimedStore timed = TimedStore.timings(store);
        TimedStore.Mark before = timed.mark();
        PerSecond rates = PerSecond.start(() -> ingest.stats().appliedSamples(),
            () -> ingest.stats().appliedBatches(), fleet::recorded, timed::busyNanos);
        try {
          measure(rates, fleet);
        } finally {
          rates.close();
          latency.measureUntil(System.currentTimeMillis());
        }
        StoreTimings storeTimings = timed.since(before, rates.median(3) / 1e9);
        stopRecording(ticks, clock);
        long heapUsed = usedHeapAfterGc();
        long drainStart = System.nanoTime();
        boolean drained = fleet.drain(DRAIN_LIMIT.plus(config.duration()));
        Duration drainTime = Duration.ofNanos(System.nanoTime() - drainStart);
        Verification verification = fleet.verify(store, drained, drainTime);
        AgentTotals agents = fleet.totals();
        List<Integer> sizes = latency.payloadSizes(new TelemetryCodec(BenchSignals.catalog()));
        return new EndToEndResult(rates.seconds(), rates.median(2), rates.median(0), rates.min(0),
            rates.median(1), rates.min(1), latency.latencies(), latency.toIngest(), latency.inIngest(),
            latency.medianSamplesPerBatch(),
            sizes.isEmpty() ? 0 : sizes.get(sizes.size() / 2), mean(sizes), ingest.stats(),
            connectTime, heapUsed, Runtime.getRuntime().maxMemory(),
            Math.max(0, heapUsed - heapBefore) / config.vehicles(), agents, storeTimings,
            verification);
      }
    } finally {
      clock.shutdownNow();
    }
  }

  private ScheduledFuture<?> startRecording(List<BenchCar> cars, ScheduledExecutorService clock) {
    long periodNanos = TimeUnit.SECONDS.toNanos(1) / config.rateHz();
    return clock.scheduleAtFixedRate(() -> {
      for (BenchCar car : cars) {
        car.tick(System.currentTimeMillis());
      }
    }, 0, periodNanos, TimeUnit.NANOSECONDS);
  }

  private void measure(PerSecond rates, BenchFleet fleet) {
    long end = System.nanoTime() + config.duration().toNanos();
    long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROGRESS_EVERY_SECONDS);
    long lastSealed = fleet.totals().batchesSealed();
    long lastNanos = System.nanoTime();
    while (System.nanoTime() < end) {
      long left = end - System.nanoTime();
      BrokerLoopback.sleep(Duration.ofNanos(Math.max(1_000_000, Math.min(left, 1_000_000_000))));
      if (System.nanoTime() >= nextReport) {
        nextReport += TimeUnit.SECONDS.toNanos(PROGRESS_EVERY_SECONDS);
        long sealed = fleet.totals().batchesSealed();
        long now = System.nanoTime();
        out.printf(Locale.ROOT, "  %3d s: recorded %,.0f samples/s, sealed %,.0f batches/s, applied"
            + " %,.0f samples/s in %,.0f batches/s, %,d batches in outboxes%n", rates.seconds(),
            rates.latest(2), (sealed - lastSealed) * 1e9 / (now - lastNanos), rates.latest(0),
            rates.latest(1), fleet.backlogBatches());
        out.flush();
        lastSealed = sealed;
        lastNanos = now;
      }
    }
  }

  /** Stops the recording clock after the tick in progress; a tick that threw fails the run. */
  private static void stopRecording(ScheduledFuture<?> ticks, ScheduledExecutorService clock) {
    boolean failed = ticks.isDone() && !ticks.isCancelled();
    clock.shutdown();
    try {
      if (!clock.awaitTermination(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("a recording tick did not finish within 5 s");
      }
      if (failed) {
        ticks.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("recording failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("benchmark interrupted", e);
    }
  }

  private static double mean(List<Integer> sizes) {
    return sizes.stream().mapToInt(Integer::intValue).average().orElse(0);
  }

  /** Heap in use right after a full collection: what the run holds, not garbage. */
  private static long usedHeapAfterGc() {
    ManagementFactory.getMemoryMXBean().gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
