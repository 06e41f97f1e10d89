package io.spime.sim.internal.report;

import io.spime.cloud.sync.IngestStats;
import io.spime.sim.internal.build.RunInfo;
import io.spime.sim.internal.faults.FaultEvent;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.internal.verify.CarResult;
import io.spime.sim.internal.verify.LatencyDetail;
import io.spime.sim.internal.verify.LatencySummary;
import io.spime.sim.internal.verify.RenewalCheck;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a run: per car and in total, faults (with the out-of-process cars' kills), latency,
 * the series, and whether it was clean; with where and how it ran ({@code info}), every fault as
 * injected, and latency over time and per phase; and the renewal ranking's check where the scenario
 * has one ({@code renewal}).
 */
public record RunReport(
    RunConfig config,
    List<CarResult> cars,
    IngestStats ingest,
    Duration drainTime,
    boolean drained,
    LatencySummary latency,
    long linkCuts,
    long brokerRestarts,
    OutOfProcessCars outOfProcess,
    long heapBytesPerCar,
    List<RunSeries.Row> series,
    String officeSummary,
    List<String> officeViolations,
    RunInfo info,
    List<FaultEvent> faults,
    LatencyDetail latencyDetail,
    Optional<RenewalCheck> renewals) {
  public RunReport {
    cars = List.copyOf(cars);
    series = List.copyOf(series);
    officeViolations = List.copyOf(officeViolations);
    faults = List.copyOf(faults);
    java.util.Objects.requireNonNull(renewals, "renewals");
  }

  /** A report of a scenario without a renewal ranking. */
  public RunReport(RunConfig config, List<CarResult> cars, IngestStats ingest, Duration drainTime,
      boolean drained, LatencySummary latency, long linkCuts, long brokerRestarts,
      OutOfProcessCars outOfProcess, long heapBytesPerCar, List<RunSeries.Row> series,
      String officeSummary, List<String> officeViolations, RunInfo info, List<FaultEvent> faults,
      LatencyDetail latencyDetail) {
    this(config, cars, ingest, drainTime, drained, latency, linkCuts, brokerRestarts, outOfProcess,
        heapBytesPerCar, series, officeSummary, officeViolations, info, faults, latencyDetail, Optional.empty());
  }

  /** A report without a header, fault events or latency detail (runs embedded in tests). */
  public RunReport(RunConfig config, List<CarResult> cars, IngestStats ingest, Duration drainTime,
      boolean drained, LatencySummary latency, long linkCuts, long brokerRestarts,
      OutOfProcessCars outOfProcess, long heapBytesPerCar, List<RunSeries.Row> series,
      String officeSummary, List<String> officeViolations) {
    this(config, cars, ingest, drainTime, drained, latency, linkCuts, brokerRestarts, outOfProcess,
        heapBytesPerCar, series, officeSummary, officeViolations, RunInfo.embedded(), List.of(),
        LatencyDetail.NONE);
  }

  /** The result line the console ends with. */
  public String resultLine() {
    return clean()
        ? "result: OK - every sample the agents accepted is in its twin, once, and so is every"
            + " DTC change."
        : "result: FAILED - see the rows above" + (kindsWithLoss().isEmpty() ? "."
            : "; data lost for " + String.join(", ", kindsWithLoss()) + ".");
  }

  /** The run's figures per kind of asset, in the order of the kinds. */
  public List<KindTally> kinds() {
    return KindTally.of(cars);
  }

  /** The kinds (their wire names) of which an asset lost samples: each fails the run. */
  public List<String> kindsWithLoss() {
    return kinds().stream().filter(kind -> kind.lost() > 0).map(kind -> kind.kind().wireName())
        .toList();
  }


  /** True when every car's twin holds exactly what its agent accepted and the back office's checks held. */
  public boolean clean() {
    return drained && cars.stream().allMatch(CarResult::clean) && officeViolations.isEmpty();
  }

  public long totalAccepted() {
    return cars.stream().mapToLong(CarResult::accepted).sum();
  }

  public long totalStored() {
    return cars.stream().mapToLong(CarResult::stored).sum();
  }

  public long totalLost() {
    return cars.stream().mapToLong(CarResult::lost).sum();
  }

  public long totalDuplicated() {
    return cars.stream().mapToLong(CarResult::duplicated).sum();
  }

  public long totalInFlight() {
    return cars.stream().mapToLong(CarResult::inFlight).sum();
  }

  public long totalKills() {
    return cars.stream().mapToLong(CarResult::kills).sum();
  }

  public long totalDtcsRaised() {
    return cars.stream().mapToLong(car -> car.dtcs().raised()).sum();
  }

  public long totalDtcsCleared() {
    return cars.stream().mapToLong(car -> car.dtcs().cleared()).sum();
  }

  public long totalDtcsOpen() {
    return cars.stream().mapToLong(car -> car.dtcs().open()).sum();
  }

  /** Cars whose twin's trouble codes differ from their own. */
  public long carsWithDtcMismatch() {
    return cars.stream().filter(car -> !car.dtcs().matches()).count();
  }

  /** The last column of a car's row: converged, or what is wrong. */
  public static String verdict(CarResult car) {
    if (car.accepted() == 0) {
      return "recorded nothing";
    }
    if (car.refused() > 0) {
      return car.refused() + " samples or events refused";
    }
    if (!car.failures().isEmpty()) {
      return String.join("; ", car.failures());
    }
    List<String> wrong = new java.util.ArrayList<>();
    if (!car.diverged().isEmpty()) {
      wrong.add("differs: " + String.join(", ", car.diverged()));
    }
    if (!car.dtcs().matches()) {
      wrong.add("DTCs differ: " + String.join("; ", car.dtcs().mismatches()));
    }
    return wrong.isEmpty() ? "converged" : String.join("; ", wrong);
  }

  /** Kilobytes as megabytes for people, or "unknown". */
  static String megabytes(long kb) {
    return kb < 0 ? "unknown" : String.format("%.0f MB", kb / 1024.0);
  }

  /**
   * Prints the per-car table (at most 20 rows, then only unclean cars), totals, the trouble codes
   * and the verdict.
   */
  public void print(PrintWriter out) {
    out.printf("%n%-17s %10s %10s %6s %6s %5s %8s %5s %5s  %s%n", "VIN", "accepted", "stored",
        "lost", "dup", "kills", "inflight", "dtcs", "open", "twin");
    int shown = 0;
    for (CarResult car : cars) {
      if (shown < 20 || !car.clean()) {
        out.printf("%-17s %10d %10d %6d %6d %5d %8d %5d %5d  %s%n",
            car.vin(), car.accepted(), car.stored(), car.lost(), car.duplicated(), car.kills(),
            car.inFlight(), car.dtcs().raised(), car.dtcs().open(), verdict(car));
        shown++;
      }
    }
    if (shown < cars.size()) {
      out.printf("(%d more cars, all clean)%n", cars.size() - shown);
    }
    out.printf("%-17s %10d %10d %6d %6d %5d %8d%n", "total", totalAccepted(), totalStored(),
        totalLost(), totalDuplicated(), totalKills(), totalInFlight());
    KindTally.print(out, kinds());
    out.printf("%ndtcs: %d set, %d cleared, %d open at the end; %s%n", totalDtcsRaised(),
        totalDtcsCleared(), totalDtcsOpen(), carsWithDtcMismatch() == 0
            ? "every twin holds its car's DTC changes and open codes"
            : carsWithDtcMismatch() + " cars' twins differ (see the rows above)");
    out.printf("%ningest: %d batches applied, %d duplicates dropped, %d out-of-order dropped,"
            + " %d rejected, %d acks sent%n",
        ingest.appliedBatches(), ingest.duplicateBatches(), ingest.gapBatches(),
        ingest.rejectedTotal(), ingest.acksSent());
    out.printf("faults: %d link cuts, %d broker restarts, %d agent kills%s%n",
        linkCuts, brokerRestarts, outOfProcess.kills().size(), outOfProcess.kills().isEmpty() ? ""
            : String.format(" (%d ended by SIGKILL, exit 137), %d restarts from the outbox",
                outOfProcess.bySigkill(), outOfProcess.restarts()));
    if (outOfProcess.cars() > 0) {
      int measured = outOfProcess.startupMillis().size();
      out.printf("out-of-process cars: %d, JVM start to first sample p50 %d ms, max %d ms"
              + " (%d starts%s), up to %s resident per child%n",
          outOfProcess.cars(), outOfProcess.startupP50Millis(), outOfProcess.startupMaxMillis(),
          measured, measured == outOfProcess.starts() ? ""
              : "; " + (outOfProcess.starts() - measured) + " more killed while starting",
          megabytes(outOfProcess.maxRssKb()));
    }
    if (latency.samples() == 0) {
      // an ingest in processes of its own (--ingests) reports no durability times to the run
      out.println("latency record -> durable: not measured (no sample reported durable to this process)");
    } else {
      out.printf("latency record -> durable: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (%,d samples)%n",
          latency.p50(), latency.p95(), latency.p99(), latency.max(), latency.samples());
    }
    out.printf("memory: %,d KB of heap per in-process car (after GC, at the end of the drive)%n",
        heapBytesPerCar / 1024);
    out.printf("drain after the cars stopped: %.1f s%s%n",
        drainTime.toMillis() / 1000.0, drained ? "" : " (timed out: outboxes not empty)");
    if (!officeSummary.isEmpty()) {
      out.println(officeSummary);
    }
    renewals.ifPresent(check -> RenewalSection.print(out, check));
    officeViolations.stream().limit(20).forEach(line -> out.println("  violation: " + line));
    out.println(resultLine());
    out.flush();
  }
}
