package io.spime.sim.internal.fleet;

import io.spime.cloud.sync.FleetIngest;
import io.spime.cloud.sync.IngestStats;
import io.spime.mqtt.MqttSecurity;
import io.spime.sim.internal.ingest.IngestPlan;
import io.spime.sim.internal.ingest.IngestProcesses;
import io.spime.sim.internal.ingest.LosingStore;
import io.spime.sim.internal.keys.RunKeys;
import io.spime.sim.internal.verify.LatencyRecorder;
import io.spime.twin.TwinStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run's ingest: a {@link FleetIngest} in the run's process (it measures latency and carries the
 * back office's downlink), {@link IngestProcesses} ({@code --ingests N}), or none ({@code --cloud}).
 */
final class RunIngest implements AutoCloseable {
  /** The ingest processes' table goes beside the report with this suffix: {@code <report>-ingests.csv}. */
  static final String CSV_SUFFIX = "-ingests.csv";

  private final Optional<FleetIngest> inProcess;
  private final Optional<IngestProcesses> processes;

  private RunIngest(Optional<FleetIngest> inProcess, Optional<IngestProcesses> processes) {
    this.inProcess = inProcess;
    this.processes = processes;
  }

  /** No ingest of the run's own: a running spime-cloud ingests ({@code --cloud}). */
  static RunIngest none() {
    return new RunIngest(Optional.empty(), Optional.empty());
  }

  /** Builds the in-process ingest, or starts the processes and waits until each subscribed. */
  static RunIngest open(IngestPlan plan, String brokerUrl, TwinStore store, String storeLocation,
      LatencyRecorder latency, MqttSecurity security, RunKeys keys, Path logDir) {
    if (!plan.outOfProcess()) {
      return new RunIngest(Optional.of(FleetIngest.builder(brokerUrl, LosingStore.around(store, plan.loseEvery()))
          .onDurable(latency)
          .security(security).signingKey(keys.signer()).build()), Optional.empty());
    }
    try {
      return new RunIngest(Optional.empty(),
          Optional.of(IngestProcesses.start(plan, brokerUrl, storeLocation, security, keys, logDir)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the ingest processes started", e);
    }
  }

  /** Starts the in-process ingest, or the processes' kills due over {@code drive}. */
  void start(IngestPlan plan, Duration drive) {
    inProcess.ifPresent(FleetIngest::start);
    processes.ifPresent(p -> p.scheduleKills(plan.kills(), drive));
  }

  /**
   * The in-process ingest, for the back office's downlink.
   *
   * @throws IllegalStateException with the ingest in processes
   */
  FleetIngest downlinkIngest() {
    return inProcess.orElseThrow(() -> new IllegalStateException(
        "this scenario's back office sends desired state, which needs the in-process ingest: leave out --ingests"));
  }

  IngestStats stats() {
    return inProcess.map(FleetIngest::stats).orElseGet(() -> processes.map(IngestProcesses::stats)
        .orElseGet(() -> new IngestStats(0, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0)));
  }

  /** What went wrong with the ingest processes; empty in process. */
  List<String> failures() {
    return processes.map(IngestProcesses::failures).orElse(List.of());
  }

  /** Closes the ingest: the processes apply and ack what arrived, then exit; prints their table. */
  void finish(PrintWriter out, Optional<Path> csv) {
    if (processes.isPresent()) {
      try {
        processes.get().close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      processes.get().print(out);
      csv.ifPresent(processes.get()::writeCsv);
    }
  }

  @Override
  public void close() {
    inProcess.ifPresent(FleetIngest::close);
    processes.ifPresent(IngestProcesses::destroy);
  }
}
