package io.spime.sim.bench;

import io.spime.twin.TwinStore;
import io.spime.wire.AssetId;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The cars whose telemetry the service ingests during a reads benchmark: real agents, or paced batches. */
interface FleetUnderTest extends AutoCloseable {
  /** Phases of a window over which paced cars spread their batches. */
  int PHASES = 50;

  /** What the store holds of what the cars sent. */
  record Check(long accepted, long stored, long missing, long extra, boolean drained) {}

  /** Starts sending on the clock. */
  void start(ScheduledExecutorService clock, int rateHz);

  /** After the clock stopped: waits up to {@code limit} for the store to hold everything, then compares. */
  Check verify(TwinStore store, Duration limit) throws InterruptedException;

  @Override
  void close();

  /** Real agents, one per car, ticked on the clock. */
  static FleetUnderTest agents(BenchFleet fleet) {
    return new FleetUnderTest() {
      @Override
      public void start(ScheduledExecutorService clock, int rateHz) {
        if (!fleet.awaitConnected(Duration.ofMinutes(3))) {
          throw new IllegalStateException("not every agent connected within 3 minutes");
        }
        long period = TimeUnit.SECONDS.toNanos(1) / rateHz;
        clock.scheduleAtFixedRate(() -> fleet.cars().forEach(c -> c.tick(System.currentTimeMillis())),
            0, period, TimeUnit.NANOSECONDS);
      }

      @Override
      public Check verify(TwinStore store, Duration limit) {
        long start = System.nanoTime();
        boolean drained = fleet.drain(limit);
        Verification v = fleet.verify(store, drained, Duration.ofNanos(System.nanoTime() - start));
        return new Check(v.accepted(), v.stored(), v.missing(), v.extra(), drained);
      }

      @Override
      public void close() {
        fleet.close();
      }
    };
  }

  /**
   * Paced batches, one per car and window. As cars' agents start at their own moments, their windows do
   * not line up: the window is cut into {@value #PHASES} phases and each car publishes in its own (its
   * index modulo the phases), so the fleet's batches arrive spread over the window, not in one burst.
   */
  static FleetUnderTest paced(PacedCars cars, Duration window) {
    ExecutorService publishers = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "bench-paced-cars");
      t.setDaemon(true);
      return t;
    });
    return new FleetUnderTest() {
      @Override
      public void start(ScheduledExecutorService clock, int rateHz) {
        long windowMillis = window.toMillis();
        long phaseMillis = Math.max(1, windowMillis / PHASES);
        AtomicLong ticks = new AtomicLong();
        clock.scheduleAtFixedRate(() -> {
          long now = System.currentTimeMillis();
          int phase = (int) (ticks.getAndIncrement() % PHASES);
          publishers.submit(() -> cars.publishWindow(now, windowMillis, phase, PHASES));
        }, windowMillis, phaseMillis, TimeUnit.MILLISECONDS);
      }

      @Override
      public Check verify(TwinStore store, Duration limit) throws InterruptedException {
        publishers.shutdown();
        long deadline = System.nanoTime() + limit.toNanos();
        publishers.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        long stored = stored(store);
        while (stored != cars.samplesPublished() && System.nanoTime() < deadline) {
          Thread.sleep(1000);
          stored = stored(store);
        }
        long published = cars.samplesPublished();
        return new Check(published, stored, Math.max(0, published - stored), Math.max(0, stored - published),
            stored == published);
      }

      private long stored(TwinStore store) {
        long sum = 0;
        for (AssetId vin : cars.vins()) {
          sum += store.samplesApplied(vin);
        }
        return sum;
      }

      @Override
      public void close() {
        publishers.shutdownNow();
        cars.close();
      }
    };
  }
}
