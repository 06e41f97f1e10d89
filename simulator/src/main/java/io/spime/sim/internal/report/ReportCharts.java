package io.spime.sim.internal.report;

import io.spime.sim.internal.faults.FaultEvent;
import io.spime.sim.internal.verify.LatencySummary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.Base64;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.RangeType;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws the report's charts with JFreeChart as PNG, returned as data URIs for an offline page. */
final class ReportCharts {
  static final int WIDTH = 900;
  static final int HEIGHT = 340;
  /** Distinct on white and for the common colour blindnesses (Okabe-Ito, without yellow). */
  private static final Paint[] PALETTE = {
    new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
    new Color(0x56B4E9), new Color(0x000000)
  };
  private static final Color GRID = new Color(0xDDDDDD);
  static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

  /**
   * One time chart of the report: these columns of the series over the run's seconds.
   *
   * @param title the chart's title
   * @param unit the unit of the vertical axis, shared by every column drawn
   * @param columns the series' columns it draws, one line each
   */
  record TimeChart(String title, String unit, List<RunSeries.Column> columns) {
    TimeChart {
      columns = List.copyOf(columns);
      if (columns.isEmpty() || columns.contains(RunSeries.Column.SECONDS)) {
        throw new IllegalArgumentException("a time chart draws columns other than seconds: " + columns);
      }
    }
  }

  private ReportCharts() {}

  /**
   * Draws a time chart; a dashed vertical line marks when the cars stopped, after which only the row
   * taken once the outboxes drained follows.
   */
  static String timeChart(TimeChart spec, List<RunSeries.Row> rows, double drivenSeconds) {
    return png(timeChart(spec, rows, drivenSeconds, List.of()));
  }

  /**
   * Draws a time chart with the faults marked on it ({@link FaultMarks}), and a dashed vertical
   * line when the cars stopped, after which only the row taken once the outboxes drained follows.
   */
  static JFreeChart timeChart(TimeChart spec, List<RunSeries.Row> rows, double drivenSeconds,
      List<FaultEvent> faults) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (RunSeries.Column column : spec.columns()) {
      XYSeries series = new XYSeries(column.label().equals(column.csvName()) ? column.label()
          : column.label() + " (" + column.csvName() + ")");
      for (RunSeries.Row row : rows) {
        series.add(row.seconds(), column.valueOf(row));
      }
      data.addSeries(series);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(
        spec.title(), RunSeries.Column.SECONDS.label(), spec.unit(), data);
    XYPlot plot = chart.getXYPlot();
    plainPlot(plot);
    XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
    for (int i = 0; i < spec.columns().size(); i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      renderer.setSeriesStroke(i, stroke(i));
    }
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    range.setUpperMargin(0.14);
    range.setRangeType(RangeType.POSITIVE);
    range.setAutoRangeMinimumSize(1.0);
    ValueMarker stop = new ValueMarker(drivenSeconds, Color.GRAY, new BasicStroke(1.2f,
        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    stop.setLabel("cars stop ");
    stop.setLabelFont(LEGEND_FONT.deriveFont(12f));
    stop.setLabelPaint(Color.DARK_GRAY);
    stop.setLabelBackgroundColor(new Color(255, 255, 255, 0));
    stop.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    stop.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
    plot.addDomainMarker(stop);
    FaultMarks.mark(chart, faults);
    return chart;
  }

  /**
   * A line's stroke: solid, dashed, dotted, dash-dot, so lines stay apart in grey print and for
   * readers who cannot tell the colours apart.
   */
  static BasicStroke stroke(int series) {
    float[][] dashes = {null, {9f, 5f}, {2f, 4f}, {10f, 4f, 2f, 4f}};
    float[] dash = dashes[series % dashes.length];
    return dash == null ? new BasicStroke(2.2f)
        : new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
  }

  /** The colour of the {@code series}-th line. */
  static Paint paint(int series) {
    return PALETTE[series % PALETTE.length];
  }

  /** Draws the record-to-durable latency percentiles as labelled bars. */
  static String latencyChart(LatencySummary latency) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    data.addValue(latency.p50(), "latency", "p50");
    data.addValue(latency.p95(), "latency", "p95");
    data.addValue(latency.p99(), "latency", "p99");
    data.addValue(latency.max(), "latency", "max");
    JFreeChart chart = ChartFactory.createBarChart(
        "Latency from record on the car to durable in the twin", "percentile", "milliseconds", data);
    chart.removeLegend();
    chart.addSubtitle(new TextTitle(String.format(
        "over %,d samples; each batch counted once, resends excluded", latency.samples()),
        LEGEND_FONT));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlineVisible(false);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, PALETTE[0]);
    renderer.setMaximumBarWidth(0.15);
    renderer.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator("{2} ms", new DecimalFormat("#,##0")));
    renderer.setDefaultItemLabelFont(LEGEND_FONT.deriveFont(Font.BOLD));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
    NumberAxis axis = (NumberAxis) plot.getRangeAxis();
    axis.setUpperMargin(0.15);
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    return png(chart);
  }

  static void plainPlot(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlineVisible(false);
  }

  static String png(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    if (chart.getLegend() != null) {
      chart.getLegend().setItemFont(LEGEND_FONT);
      chart.getLegend().setFrame(BlockBorder.NONE);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(bytes, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render chart '" + chart.getTitle().getText() + "'", e);
    }
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}
