package io.spime.sim.internal.fleet;

import io.spime.sim.internal.car.FleetCar;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Waits until every car's outbox is empty: all it sealed has been acknowledged by the cloud. */
final class Drain {
  private static final long POLL_MILLIS = 50;

  private Drain() {}

  /** True when all outboxes drained within {@code limit}. */
  static boolean await(List<? extends FleetCar> cars, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (cars.stream().allMatch(FleetCar::drained)) {
        return true;
      }
      try {
        TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return cars.stream().allMatch(FleetCar::drained);
  }
}
