package io.spime.sim.internal;

import io.spime.twin.sync.IngestStats;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** The outcome of a run: per car and in total, and whether it was clean. */
public record RunReport(
    RunConfig config, List<CarResult> cars, IngestStats ingest, Duration drainTime, boolean drained) {
  public RunReport {
    cars = List.copyOf(cars);
  }

  /** True when every car's twin holds exactly what its agent accepted. */
  public boolean clean() {
    return drained && cars.stream().allMatch(CarResult::clean);
  }

  public long totalAccepted() {
    return cars.stream().mapToLong(CarResult::accepted).sum();
  }

  public long totalStored() {
    return cars.stream().mapToLong(CarResult::stored).sum();
  }

  /** Prints the per-car table, the totals and the verdict. */
  public void print(PrintWriter out) {
    out.printf("%n%-17s %10s %10s %6s %6s  %s%n", "VIN", "accepted", "stored", "lost", "dup", "twin");
    for (CarResult car : cars) {
      out.printf("%-17s %10d %10d %6d %6d  %s%n",
          car.vin(), car.accepted(), car.stored(), car.lost(), car.duplicated(),
          car.diverged().isEmpty() ? "converged" : "differs: " + String.join(", ", car.diverged()));
    }
    long lost = cars.stream().mapToLong(CarResult::lost).sum();
    long duplicated = cars.stream().mapToLong(CarResult::duplicated).sum();
    out.printf("%-17s %10d %10d %6d %6d%n", "total", totalAccepted(), totalStored(), lost, duplicated);
    out.printf("%ningest: %d batches applied, %d duplicates dropped, %d out-of-order dropped,"
            + " %d rejected, %d acks sent%n",
        ingest.appliedBatches(), ingest.duplicateBatches(), ingest.gapBatches(),
        ingest.rejectedTotal(), ingest.acksSent());
    out.printf("drain after the cars stopped: %.1f s%s%n",
        drainTime.toMillis() / 1000.0, drained ? "" : " (timed out: outboxes not empty)");
    out.println(clean()
        ? "result: OK - every sample the agents accepted is in its twin, once."
        : "result: FAILED - see the rows above.");
    out.flush();
  }
}
