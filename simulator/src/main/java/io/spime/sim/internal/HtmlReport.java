package io.spime.sim.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a run's report as one HTML file with its charts embedded, so it opens offline. */
final class HtmlReport {
  private HtmlReport() {}

  static void write(Path file, RunReport report) {
    System.setProperty("java.awt.headless", "true");
    List<RunSeries.Row> rows = report.series();
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>spime-sim report: ").append(esc(report.config().scenario().name()))
        .append("</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:960px;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{padding:.25em .8em;")
        .append("border-bottom:1px solid #ddd;text-align:right}th{background:#f4f4f4}")
        .append("td:first-child,th:first-child{text-align:left}.ok{color:#1a7f37}.bad{color:#c62828}")
        .append("img{max-width:100%;border:1px solid #eee;margin:.5em 0}</style></head><body>");
    html.append("<h1>spime-sim: ").append(esc(report.config().scenario().name())).append("</h1>");
    html.append("<p class=\"").append(report.clean() ? "ok" : "bad").append("\"><strong>")
        .append(report.clean()
            ? "OK: every sample the agents accepted is in its twin, once."
            : "FAILED: data was lost, duplicated or diverged, or outboxes did not drain.")
        .append("</strong></p>");
    summary(html, report);
    html.append("<h2>Throughput</h2><img alt=\"throughput\" src=\"")
        .append(ReportCharts.timeChart("Samples per second", "samples/s", rows, List.of(
            new ReportCharts.Line("accepted by agents", RunSeries.Row::acceptedPerSecond),
            new ReportCharts.Line("durable in twins", RunSeries.Row::storedPerSecond))))
        .append("\">");
    html.append("<h2>Outbox backlog</h2><img alt=\"backlog\" src=\"")
        .append(ReportCharts.timeChart("Batches waiting for the cloud's ack", "batches", rows,
            List.of(new ReportCharts.Line("backlog", RunSeries.Row::backlogBatches))))
        .append("\">");
    html.append("<h2>Connectivity</h2><img alt=\"connectivity\" src=\"")
        .append(ReportCharts.timeChart("Cars online, links cut, agents killed and reconnects", "cars",
            rows, List.of(
                new ReportCharts.Line("online", RunSeries.Row::online),
                new ReportCharts.Line("links cut", RunSeries.Row::linksCut),
                new ReportCharts.Line("agents down (killed)", RunSeries.Row::agentsDown),
                new ReportCharts.Line("agent kills (total)", RunSeries.Row::agentKills),
                new ReportCharts.Line("reconnects (total)", RunSeries.Row::reconnects))))
        .append("\">");
    kills(html, report.outOfProcess());
    html.append("<h2>Latency</h2><img alt=\"latency\" src=\"")
        .append(ReportCharts.latencyChart(report.latency())).append("\">");
    cars(html, report);
    html.append("</body></html>\n");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, html);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + file, e);
    }
  }

  private static void summary(StringBuilder html, RunReport report) {
    RunConfig config = report.config();
    LatencySummary latency = report.latency();
    html.append("<table>");
    row(html, "cars", String.valueOf(config.vehicles()));
    row(html, "duration", config.duration().toString().substring(2).toLowerCase());
    row(html, "seed", String.valueOf(config.seed()));
    row(html, "samples accepted", String.format("%,d", report.totalAccepted()));
    row(html, "samples in twins", String.format("%,d", report.totalStored()));
    row(html, "lost / duplicated", report.totalLost() + " / " + report.totalDuplicated());
    row(html, "link cuts / broker restarts", report.linkCuts() + " / " + report.brokerRestarts());
    OutOfProcessCars children = report.outOfProcess();
    row(html, "agent kills (SIGKILL) / restarts from the outbox",
        children.kills().size() + " / " + children.restarts());
    if (children.cars() > 0) {
      row(html, "cars in a process of their own", String.valueOf(children.cars()));
      row(html, "their JVM start to first sample: p50 / max", children.startupP50Millis() + " / "
          + children.startupMaxMillis() + " ms (" + children.startupMillis().size() + " of "
          + children.starts() + " starts; the rest were killed while starting)");
      row(html, "resident memory per child, at most", RunReport.megabytes(children.maxRssKb()));
      row(html, "samples in flight at a kill", String.valueOf(report.totalInFlight()));
    }
    row(html, "latency p50 / p95 / p99", latency.p50() + " / " + latency.p95() + " / "
        + latency.p99() + " ms");
    row(html, "ingest: applied / duplicate / out-of-order / rejected batches",
        report.ingest().appliedBatches() + " / " + report.ingest().duplicateBatches() + " / "
            + report.ingest().gapBatches() + " / " + report.ingest().rejectedTotal());
    row(html, "heap per in-process car (after GC)", String.format("%,d KB", report.heapBytesPerCar() / 1024));
    row(html, "drain after stop", String.format("%.1f s%s", report.drainTime().toMillis() / 1000.0,
        report.drained() ? "" : " (timed out)"));
    html.append("</table>");
  }

  private static void cars(StringBuilder html, RunReport report) {
    html.append("<h2>Cars</h2><table><tr><th>VIN</th><th>accepted</th><th>stored</th>")
        .append("<th>lost</th><th>dup</th><th>kills</th><th>in flight</th><th>twin</th></tr>");
    for (CarResult car : report.cars()) {
      html.append("<tr><td>").append(car.vin()).append("</td><td>").append(car.accepted())
          .append("</td><td>").append(car.stored()).append("</td><td>").append(car.lost())
          .append("</td><td>").append(car.duplicated()).append("</td><td>").append(car.kills())
          .append("</td><td>").append(car.inFlight()).append("</td><td class=\"")
          .append(car.clean() ? "ok\">" : "bad\">").append(esc(RunReport.verdict(car)))
          .append("</td></tr>");
    }
    html.append("</table>");
  }

  /** The SIGKILLs, one row each: when, which car, how the process ended, how long it stayed down. */
  private static void kills(StringBuilder html, OutOfProcessCars children) {
    if (children.kills().isEmpty()) {
      return;
    }
    html.append("<h2>Agent kills</h2><table><tr><th>second</th><th>VIN</th>")
        .append("<th>exit value</th><th>down for</th></tr>");
    for (AgentKill kill : children.kills()) {
      html.append("<tr><td>").append(String.format("%.1f", kill.atMillis() / 1000.0))
          .append("</td><td>").append(kill.vin()).append("</td><td class=\"")
          .append(kill.bySigkill() ? "ok\">" : "bad\">").append(kill.exitCode())
          .append(kill.bySigkill() ? " (SIGKILL)" : "").append("</td><td>")
          .append(String.format("%.1f s", kill.downMillis() / 1000.0)).append("</td></tr>");
    }
    html.append("</table>");
  }

  private static void row(StringBuilder html, String name, String value) {
    html.append("<tr><td>").append(esc(name)).append("</td><td>").append(esc(value))
        .append("</td></tr>");
  }

  private static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
