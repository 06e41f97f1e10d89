package io.spime.sim.internal.report;

import io.spime.sim.internal.report.ReportCharts.TimeChart;
import io.spime.sim.internal.report.RunSeries.Column;
import io.spime.sim.internal.verify.LatencySummary;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run's report as one HTML file with its charts embedded as PNG data, so it opens offline
 * (no script, no style sheet or image from elsewhere), and the latency percentiles as CSV beside it.
 * The time charts draw the columns of the series' CSV ({@link RunSeries#writeCsv}) and name them.
 */
public final class HtmlReport {
  /** The time charts, in page order, under their section heading. */
  static final List<Section> SECTIONS = List.of(
      new Section("Throughput", List.of(
          new TimeChart("Samples per second", "samples/s",
              List.of(Column.ACCEPTED_PER_S, Column.STORED_PER_S)),
          new TimeChart("Samples so far", "samples",
              List.of(Column.ACCEPTED_TOTAL, Column.STORED_TOTAL)))),
      new Section("Outbox backlog", List.of(
          new TimeChart("Batches waiting for the cloud's ack", "batches",
              List.of(Column.BACKLOG_BATCHES)))),
      new Section("Connectivity", List.of(
          new TimeChart("Cars online, cut off and killed", "cars",
              List.of(Column.CARS_ONLINE, Column.LINKS_CUT, Column.AGENTS_DOWN)),
          new TimeChart("Reconnects and agent kills so far", "events",
              List.of(Column.RECONNECTS, Column.AGENT_KILLS)))));

  /** Violations of the back office listed in the page; the console prints 20. */
  static final int MAX_VIOLATIONS_SHOWN = 100;

  /** A heading of the page and the time charts under it. */
  record Section(String heading, List<TimeChart> charts) {
    Section {
      charts = List.copyOf(charts);
    }
  }

  private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em auto;"
      + "max-width:1000px;padding:0 1em;color:#222;line-height:1.4}"
      + "h1{margin-bottom:.2em}.sub{color:#555;margin-top:0}"
      + "table{border-collapse:collapse;margin:1em 0}td,th{padding:.25em .6em;"
      + "border-bottom:1px solid #ddd;text-align:right;white-space:nowrap}th{background:#f4f4f4}"
      + "td:last-child{white-space:normal}td:first-child,th:first-child,.l{text-align:left}"
      + ".ok{color:#1a7f37}.bad{color:#c62828}"
      + ".scroll{overflow-x:auto;margin:1em 0}.scroll table{margin:0}"
      + "figure{margin:1em 0}figcaption{color:#555;font-size:.9em}"
      + "img{max-width:100%;height:auto;border:1px solid #eee}li{overflow-wrap:anywhere}"
      + "table.run td{text-align:left;white-space:normal;overflow-wrap:anywhere}"
      + "table.run td:first-child{white-space:nowrap;overflow-wrap:normal}"
      + "dl.glossary dt{font-weight:bold;margin-top:.5em}dl.glossary dd{margin-left:1.5em}"
      + "@media print{body{max-width:none;margin:0;color:#000}.sub,figcaption{color:#333}"
      + "figure,tr,dt,dd{break-inside:avoid}.scroll{overflow:visible}a{color:#000}"
      + "img{border:none}}";

  private HtmlReport() {}

  /** Writes the page to {@code file} and the latency percentiles to {@link #latencyCsv}. */
  public static void write(Path file, RunReport report) {
    System.setProperty("java.awt.headless", "true");
    Path seriesCsv = beside(file, ".csv");
    Path latencyCsv = latencyCsv(file);
    String scenario = esc(report.config().scenario().name());
    StringBuilder html = new StringBuilder(256 * 1024);
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>spime-sim report: ").append(scenario).append("</title><style>")
        .append(STYLE).append("</style></head><body>");
    html.append("<h1>spime-sim: ").append(scenario).append("</h1><p class=\"sub\">")
        .append(report.config().vehicles()).append(" cars for ")
        .append(ReportSummary.duration(report.config().duration())).append(", seed ")
        .append(report.config().seed()).append("</p>");
    html.append("<p class=\"").append(report.clean() ? "ok" : "bad").append("\"><strong>")
        .append(report.clean()
            ? "OK: every sample the agents accepted is in its twin, once, and so is every DTC"
                + " change."
            : "FAILED: data or DTC changes were lost, duplicated or diverged, outboxes did not"
                + " drain, or the back office's checks failed.")
        .append("</strong></p>");
    ReportSummary.header(html, report);
    ReportSummary.table(html, report);
    KindTally.html(html, report.kinds());
    office(html, report);
    report.renewals().ifPresent(check -> RenewalSection.html(html, check));
    double driven = driveEndSeconds(report);
    html.append("<p class=\"sub\">The time charts have a point a second, a row of ")
        .append(esc(seriesCsv.getFileName().toString()))
        .append(" (each legend names its column). The dashed line marks when the cars stopped;")
        .append(" the last point is taken once the outboxes drained.")
        .append(report.faults().isEmpty() ? "" : " Faults are marked where they were injected:"
            + " link cuts as grey bands over their length, broker restarts as thick black lines,"
            + " agent kills as dotted lines; the Faults table lists each.")
        .append("</p>");
    for (Section section : SECTIONS) {
      html.append("<h2>").append(esc(section.heading())).append("</h2>");
      for (TimeChart chart : section.charts()) {
        figure(html, chart.title(), ReportCharts.png(
                ReportCharts.timeChart(chart, report.series(), driven, report.faults())),
            "CSV: " + csvNames(chart.columns()) + " in " + seriesCsv.getFileName() + ".");
      }
    }
    ReportSummary.faults(html, report.faults());
    ReportSummary.kills(html, report.outOfProcess());
    html.append("<h2>Latency</h2>");
    figure(html, "latency percentiles", ReportCharts.latencyChart(report.latency()),
        "From the sample's time on the car to the twin store's commit. CSV: "
            + latencyCsv.getFileName() + ".");
    Path overTimeCsv = beside(file, "-latency-time.csv");
    Path phasesCsv = beside(file, "-latency-phases.csv");
    if (!report.latencyDetail().overTime().isEmpty()) {
      figure(html, "latency over time", ReportCharts.png(
              LatencyCharts.overTime(report.latencyDetail(), report.faults())),
          "Percentiles of the samples recorded in each second, on a log scale, with the faults"
              + " marked. CSV: " + overTimeCsv.getFileName() + ".");
      figure(html, "latency distribution per phase",
          ReportCharts.png(LatencyCharts.phases(report.latencyDetail())),
          "For each phase, the share of its samples at or below each latency. CSV: "
              + phasesCsv.getFileName() + ".");
    }
    ReportSummary.cars(html, report);
    html.append("<p class=\"sub\">Files beside this page: <a href=\"")
        .append(esc(seriesCsv.getFileName().toString())).append("\">")
        .append(esc(seriesCsv.getFileName().toString())).append("</a> (the time series), <a href=\"")
        .append(esc(latencyCsv.getFileName().toString())).append("\">")
        .append(esc(latencyCsv.getFileName().toString()))
        .append("</a> (the latency percentiles).</p>");
    ReportGlossary.append(html);
    html.append("</body></html>\n");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        OwnerOnlyFiles.createDirectories(parent);
      }
      OwnerOnlyFiles.writeString(file, html);
      writeLatencyCsv(latencyCsv, report.latency());
      if (!report.latencyDetail().overTime().isEmpty()) {
        LatencyCharts.writeOverTimeCsv(overTimeCsv, report.latencyDetail());
        LatencyCharts.writePhasesCsv(phasesCsv, report.latencyDetail());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + file, e);
    }
  }

  /**
   * When the cars stopped: the time of the last row sampled while they drove (the run samples once
   * more after the drain), or the configured duration when there are not two rows.
   */
  static double driveEndSeconds(RunReport report) {
    List<RunSeries.Row> rows = report.series();
    return rows.size() < 2 ? report.config().duration().toMillis() / 1000.0
        : rows.get(rows.size() - 2).seconds();
  }

  /** The latency CSV beside a report: {@code outages.html} has {@code outages-latency.csv}. */
  public static Path latencyCsv(Path reportFile) {
    return beside(reportFile, "-latency.csv");
  }

  /** The latency percentiles as CSV: {@code percentile,latency_ms,samples}, p50 to max. */
  static void writeLatencyCsv(Path file, LatencySummary latency) throws IOException {
    String csv = "percentile,latency_ms,samples\n"
        + "p50," + latency.p50() + "," + latency.samples() + "\n"
        + "p95," + latency.p95() + "," + latency.samples() + "\n"
        + "p99," + latency.p99() + "," + latency.samples() + "\n"
        + "max," + latency.max() + "," + latency.samples() + "\n";
    OwnerOnlyFiles.writeString(file, csv);
  }

  /** What the scenario's back office did and which of its checks failed. */
  private static void office(StringBuilder html, RunReport report) {
    List<String> violations = report.officeViolations();
    if (report.officeSummary().isEmpty() && violations.isEmpty()) {
      return;
    }
    html.append("<h2>Back office</h2>");
    if (!report.officeSummary().isEmpty()) {
      html.append("<p class=\"").append(violations.isEmpty() ? "ok" : "bad").append("\">")
          .append(esc(report.officeSummary())).append("</p>");
    }
    if (!violations.isEmpty()) {
      html.append("<p class=\"bad\">").append(violations.size())
          .append(violations.size() == 1 ? " violation" : " violations").append(":</p><ul>");
      violations.stream().limit(MAX_VIOLATIONS_SHOWN)
          .forEach(line -> html.append("<li>").append(esc(line)).append("</li>"));
      if (violations.size() > MAX_VIOLATIONS_SHOWN) {
        html.append("<li>and ").append(violations.size() - MAX_VIOLATIONS_SHOWN)
            .append(" more</li>");
      }
      html.append("</ul>");
    }
  }

  private static void figure(StringBuilder html, String alt, String dataUri, String caption) {
    html.append("<figure><img width=\"").append(ReportCharts.WIDTH).append("\" height=\"")
        .append(ReportCharts.HEIGHT).append("\" alt=\"").append(esc(alt))
        .append("\" src=\"").append(dataUri).append("\"><figcaption>").append(esc(caption))
        .append("</figcaption></figure>");
  }

  private static String csvNames(List<Column> columns) {
    return String.join(", ", columns.stream().map(Column::csvName).toList());
  }

  /**
   * A file beside a report, named as the report without its extension plus {@code suffix}:
   * {@code outages.html} and {@code "-ingests.csv"} give {@code outages-ingests.csv}.
   */
  public static Path beside(Path reportFile, String suffix) {
    String name = reportFile.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return reportFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + suffix);
  }

  static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
