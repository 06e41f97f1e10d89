package io.spime.sim.internal.report;

import static io.spime.sim.internal.report.HtmlReport.esc;

import io.spime.cloud.sync.IngestStats;
import io.spime.sim.internal.build.RunInfo;
import io.spime.sim.internal.faults.AgentKill;
import io.spime.sim.internal.faults.FaultEvent;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.internal.verify.CarResult;
import io.spime.sim.internal.verify.LatencySummary;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The tables of the HTML report: the run's figures (as the console prints them), kills, cars. */
final class ReportSummary {
  private ReportSummary() {}

  /** Faults listed in the page at most; the JSON result has all. */
  static final int MAX_FAULTS_SHOWN = 500;

  /** Where and how the run was made, so that two reports can be compared. */
  static void header(StringBuilder html, RunReport report) {
    RunInfo info = report.info();
    html.append("<h2>Run</h2><div class=\"scroll\"><table class=\"run\">");
    row(html, "spime-sim", info.build().describe().substring("spime-sim ".length()));
    row(html, "commit", info.build().commit());
    row(html, "date", info.startedAt().toString());
    row(html, "command line", info.commandLine());
    row(html, "seed", String.valueOf(report.config().seed()));
    row(html, "host", info.host());
    row(html, "cores", String.valueOf(info.cores()));
    row(html, "JVM", info.jvm());
    html.append("</table></div>");
  }

  /** Every fault as injected, in time order: when, what, whom, for how long. */
  static void faults(StringBuilder html, List<FaultEvent> faults) {
    if (faults.isEmpty()) {
      return;
    }
    html.append("<h2>Faults</h2><p class=\"sub\">").append(faults.size())
        .append(" faults injected, as marked on the time charts.</p>")
        .append("<div class=\"scroll\"><table class=\"faults\"><tr><th>second of the run</th>")
        .append("<th class=\"l\">fault</th><th class=\"l\">car</th><th>for</th></tr>");
    for (FaultEvent fault : faults.stream().limit(MAX_FAULTS_SHOWN).toList()) {
      html.append("<tr><td>").append(String.format(Locale.ROOT, "%.1f", fault.atMillis() / 1000.0))
          .append("</td><td class=\"l\">").append(esc(fault.kind().label()))
          .append("</td><td class=\"l\">").append(esc(fault.target())).append("</td><td>")
          .append(fault.kind() == FaultEvent.Kind.BROKER_RESTART ? "-"
              : String.format(Locale.ROOT, "%.1f s", fault.lengthMillis() / 1000.0))
          .append("</td></tr>");
    }
    html.append("</table></div>");
    if (faults.size() > MAX_FAULTS_SHOWN) {
      html.append("<p class=\"sub\">and ").append(faults.size() - MAX_FAULTS_SHOWN)
          .append(" more (every fault is in the run's --json result).</p>");
    }
  }

  /** The run's figures, the same the console summary prints. */
  static void table(StringBuilder html, RunReport report) {
    RunConfig config = report.config();
    LatencySummary latency = report.latency();
    IngestStats ingest = report.ingest();
    OutOfProcessCars children = report.outOfProcess();
    html.append("<h2>Summary</h2><div class=\"scroll\"><table>");
    row(html, "scenario", config.scenario().name());
    row(html, "cars", String.valueOf(config.vehicles()));
    row(html, "duration of the drive", duration(config.duration()));
    row(html, "seed", String.valueOf(config.seed()));
    row(html, "samples accepted by the agents", number(report.totalAccepted()));
    row(html, "samples in the twins", number(report.totalStored()));
    row(html, "lost / duplicated", report.totalLost() + " / " + report.totalDuplicated());
    row(html, "DTCs set / cleared / open at the end", report.totalDtcsRaised() + " / "
        + report.totalDtcsCleared() + " / " + report.totalDtcsOpen());
    row(html, "cars whose twin's DTCs differ", String.valueOf(report.carsWithDtcMismatch()));
    row(html, "link cuts / broker restarts", report.linkCuts() + " / " + report.brokerRestarts());
    row(html, "agent kills (SIGKILL) / restarts from the outbox",
        children.kills().size() + " / " + children.restarts());
    if (children.cars() > 0) {
      int measured = children.startupMillis().size();
      row(html, "cars in a process of their own", String.valueOf(children.cars()));
      row(html, "their JVM start to first sample: p50 / max", children.startupP50Millis() + " / "
          + children.startupMaxMillis() + " ms");
      row(html, "child JVM starts measured", measured == children.starts()
          ? String.valueOf(measured)
          : measured + " of " + children.starts() + " (the others were killed while starting)");
      row(html, "resident memory per child, at most", RunReport.megabytes(children.maxRssKb()));
      row(html, "samples in flight at a kill", String.valueOf(report.totalInFlight()));
    }
    row(html, "latency p50 / p95 / p99 / max", latency.p50() + " / " + latency.p95() + " / "
        + latency.p99() + " / " + latency.max() + " ms");
    row(html, "latency measured over", number(latency.samples()) + " samples");
    row(html, "ingest: batches applied", number(ingest.appliedBatches()));
    row(html, "ingest: duplicate / out-of-order batches dropped",
        ingest.duplicateBatches() + " / " + ingest.gapBatches());
    row(html, "ingest: messages rejected / acks sent",
        ingest.rejectedTotal() + " / " + number(ingest.acksSent()));
    row(html, "heap per in-process car (after GC)", number(report.heapBytesPerCar() / 1024) + " KB");
    row(html, "drain after the cars stopped", String.format(Locale.ROOT, "%.1f s%s",
        report.drainTime().toMillis() / 1000.0, report.drained() ? "" : " (timed out)"));
    html.append("</table></div>");
  }

  /** The SIGKILLs, one row each: when, which car, how the process ended, how long it stayed down. */
  static void kills(StringBuilder html, OutOfProcessCars children) {
    if (children.kills().isEmpty()) {
      return;
    }
    html.append("<h2>Agent kills</h2><div class=\"scroll\"><table><tr><th>second of the run</th>")
        .append("<th class=\"l\">VIN</th>")
        .append("<th>exit value</th><th>down for</th></tr>");
    for (AgentKill kill : children.kills()) {
      html.append("<tr><td>").append(String.format(Locale.ROOT, "%.1f", kill.atMillis() / 1000.0))
          .append("</td><td class=\"l\">").append(kill.vin()).append("</td><td class=\"")
          .append(kill.bySigkill() ? "ok\">" : "bad\">").append(kill.exitCode())
          .append(kill.bySigkill() ? " (SIGKILL)" : "").append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f s", kill.downMillis() / 1000.0))
          .append("</td></tr>");
    }
    html.append("</table></div>");
  }

  /** Every car: what its agent accepted, what its twin holds, its DTCs, and the verdict. */
  static void cars(StringBuilder html, RunReport report) {
    html.append("<h2>Cars</h2><div class=\"scroll\"><table><tr><th>VIN</th><th>accepted</th>")
        .append("<th>stored</th><th>lost</th><th>dup</th><th>kills</th><th>in flight</th>")
        .append("<th>DTCs set</th><th>open</th><th class=\"l\">twin</th></tr>");
    for (CarResult car : report.cars()) {
      html.append("<tr><td>").append(car.vin()).append("</td><td>").append(car.accepted())
          .append("</td><td>").append(car.stored()).append("</td><td>").append(car.lost())
          .append("</td><td>").append(car.duplicated()).append("</td><td>").append(car.kills())
          .append("</td><td>").append(car.inFlight()).append("</td><td>")
          .append(car.dtcs().raised()).append("</td><td>").append(car.dtcs().open())
          .append("</td><td class=\"l ")
          .append(car.clean() ? "ok\">" : "bad\">").append(esc(RunReport.verdict(car)))
          .append("</td></tr>");
    }
    html.append("</table></div>");
  }

  /** A duration as people write it: {@code 30s}, {@code 2m}, {@code 1h30m}. */
  static String duration(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  private static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private static void row(StringBuilder html, String name, String value) {
    html.append("<tr><td>").append(esc(name)).append("</td><td>").append(esc(value))
        .append("</td></tr>");
  }
}
