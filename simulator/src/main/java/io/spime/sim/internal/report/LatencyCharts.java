package io.spime.sim.internal.report;

import io.spime.sim.internal.faults.FaultEvent;
import io.spime.sim.internal.verify.LatencyDetail;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The latency beyond its four bars: percentiles over the run's time, with the faults marked, and
 * the distribution in each phase as a CDF; both on a logarithmic axis, where 50 ms and 20 s both
 * show; and their CSV files.
 */
final class LatencyCharts {
  private LatencyCharts() {}

  /** p50, p95, p99 and max of the samples recorded in each second (or slice) of the run. */
  static JFreeChart overTime(LatencyDetail detail, List<FaultEvent> faults) {
    XYSeriesCollection data = new XYSeriesCollection();
    String[] names = {"p50 (p50_ms)", "p95 (p95_ms)", "p99 (p99_ms)", "max (max_ms)"};
    for (int i = 0; i < names.length; i++) {
      XYSeries series = new XYSeries(names[i]);
      for (LatencyDetail.Point point : detail.overTime()) {
        long[] values = {point.p50(), point.p95(), point.p99(), point.max()};
        series.add(point.seconds(), Math.max(1, values[i]));
      }
      data.addSeries(series);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(
        "Latency over time, by when the sample was recorded", "seconds since start",
        "milliseconds (log scale)", data);
    style(chart, names.length);
    FaultMarks.mark(chart, faults);
    return chart;
  }

  /** The share of samples (y) whose latency was at most x, one line per phase. */
  static JFreeChart phases(LatencyDetail detail) {
    XYSeriesCollection data = new XYSeriesCollection();
    List<LatencyDetail.Phase> drawn =
        detail.phases().stream().filter(phase -> phase.samples() > 0).toList();
    for (LatencyDetail.Phase phase : drawn) {
      XYSeries series = new XYSeries(String.format(Locale.ROOT, "%s (%,d samples)", phase.name(),
          phase.samples()), false);
      for (LatencyDetail.Quantile quantile : phase.cdf()) {
        series.add(Math.max(1, quantile.millis()), quantile.percentile());
      }
      data.addSeries(series);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(
        "Latency distribution per phase (CDF)", "milliseconds (log scale)",
        "% of samples at or below", data);
    XYPlot plot = chart.getXYPlot();
    ReportCharts.plainPlot(plot);
    LogarithmicAxis axis = new LogarithmicAxis("milliseconds (log scale)");
    axis.setAllowNegativesFlag(false);
    plot.setDomainAxis(axis);
    ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
    renderer(plot, drawn.size());
    return chart;
  }

  /** {@code seconds,samples,p50_ms,p95_ms,p99_ms,max_ms}, a row a slice. */
  static void writeOverTimeCsv(Path file, LatencyDetail detail) throws IOException {
    StringBuilder csv = new StringBuilder("seconds,samples,p50_ms,p95_ms,p99_ms,max_ms\n");
    for (LatencyDetail.Point point : detail.overTime()) {
      csv.append(String.format(Locale.ROOT, "%.0f,%d,%d,%d,%d,%d%n", point.seconds(),
          point.samples(), point.p50(), point.p95(), point.p99(), point.max()));
    }
    OwnerOnlyFiles.writeString(file, csv);
  }

  /** {@code phase,from_s,to_s,samples,percentile,latency_ms}, a row a point of each phase's CDF. */
  static void writePhasesCsv(Path file, LatencyDetail detail) throws IOException {
    StringBuilder csv = new StringBuilder("phase,from_s,to_s,samples,percentile,latency_ms\n");
    for (LatencyDetail.Phase phase : detail.phases()) {
      for (LatencyDetail.Quantile quantile : phase.cdf()) {
        csv.append(String.format(Locale.ROOT, "\"%s\",%.0f,%s,%d,%s,%d%n", phase.name(),
            phase.fromSeconds(), phase.toSeconds() == Double.MAX_VALUE ? "end"
                : String.format(Locale.ROOT, "%.0f", phase.toSeconds()),
            phase.samples(), quantile.percentile(), quantile.millis()));
      }
    }
    OwnerOnlyFiles.writeString(file, csv);
  }

  private static void style(JFreeChart chart, int lines) {
    XYPlot plot = chart.getXYPlot();
    ReportCharts.plainPlot(plot);
    LogarithmicAxis axis = new LogarithmicAxis("milliseconds (log scale)");
    axis.setAllowNegativesFlag(false);
    plot.setRangeAxis(axis);
    renderer(plot, lines);
  }

  private static void renderer(XYPlot plot, int lines) {
    XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
    for (int i = 0; i < lines; i++) {
      renderer.setSeriesPaint(i, ReportCharts.paint(i));
      renderer.setSeriesStroke(i, ReportCharts.stroke(i));
    }
  }
}
