package io.spime.sim.internal.fleet;

import io.spime.sim.internal.car.FleetCar;
import io.spime.sim.internal.car.VirtualCar;
import io.spime.sim.internal.faults.FaultInjector;
import io.spime.sim.internal.office.BackOffice;
import io.spime.sim.internal.office.OfficeTicks;
import io.spime.sim.internal.report.RunSeries;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** The drive of a run, a whole fleet's or a shard's: the cars tick, the faults happen, time passes. */
final class DriveLoop {
  private DriveLoop() {}

  /**
   * Ticks the in-process cars every {@link VirtualCar#TICK_MILLIS}, samples the series and shows
   * the progress once a second and ticks the office, if any, for {@code duration}; then restores every
   * fault and stops the cars driving.
   */
  static void drive(Duration duration, ConsoleMode console, Fleet fleet,
      ScheduledExecutorService clock, RunSeries series, LongSupplier stored, FaultInjector faults,
      Optional<BackOffice> office) {
    List<VirtualCar> cars = fleet.inProcess();
    TickGate gate = new TickGate();
    ScheduledFuture<?> ticks =
        clock.scheduleAtFixedRate(
            () -> gate.run(() -> {
              long now = System.currentTimeMillis();
              for (VirtualCar car : cars) {
                car.tick(now);
              }
            }),
            0,
            VirtualCar.TICK_MILLIS,
            TimeUnit.MILLISECONDS);
    try (DriveProgress progress =
            new DriveProgress(duration, fleet.all().size(), console);
        OfficeTicks officeTicks = office.map(OfficeTicks::new).orElse(null)) {
      long end = System.nanoTime() + duration.toNanos();
      while (System.nanoTime() < end) {
        long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        Thread.sleep(Math.max(1, Math.min(left, 1000)));
        if (officeTicks != null) {
          officeTicks.tick(System.currentTimeMillis());
        }
        progress.show(series.sample(fleet.all(), stored.getAsLong(),
            faults.linksCutNow(), faults.kills().size()));
      }
      if (officeTicks != null) {
        officeTicks.awaitLast();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      gate.close();
      ticks.cancel(false);
    }
    throwIfTickFailed(ticks);
    faults.restoreAll();
    for (FleetCar car : fleet.all()) {
      car.stopDriving();
    }
  }

  /**
   * Surfaces a tick that threw: that ends a repeating task on its own, so the future is done
   * without having been cancelled.
   */
  private static void throwIfTickFailed(ScheduledFuture<?> ticks) {
    if (!ticks.isDone() || ticks.isCancelled()) {
      return;
    }
    try {
      ticks.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a car's tick failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
