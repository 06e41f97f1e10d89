package io.spime.sim.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws the report's charts with JFreeChart as PNG, returned as data URIs for an offline page. */
final class ReportCharts {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 320;

  /** One line of a time chart. */
  record Line(String name, ToDoubleFunction<RunSeries.Row> value) {}

  private ReportCharts() {}

  static String timeChart(String title, String yLabel, List<RunSeries.Row> rows, List<Line> lines) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Line line : lines) {
      XYSeries series = new XYSeries(line.name());
      for (RunSeries.Row row : rows) {
        series.add(row.seconds(), line.value().applyAsDouble(row));
      }
      data.addSeries(series);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(title, "seconds since start", yLabel, data);
    return png(chart);
  }

  static String latencyChart(LatencySummary latency) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    data.addValue(latency.p50(), "latency", "p50");
    data.addValue(latency.p95(), "latency", "p95");
    data.addValue(latency.p99(), "latency", "p99");
    data.addValue(latency.max(), "latency", "max");
    JFreeChart chart = ChartFactory.createBarChart(
        "Latency from record on the car to durable in the twin", "percentile", "milliseconds", data);
    chart.removeLegend();
    return png(chart);
  }

  private static String png(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(bytes, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render chart '" + chart.getTitle().getText() + "'", e);
    }
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}
