package io.spime.sim.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.cloud.sync.IngestStats;
import io.spime.sim.internal.build.BuildInfo;
import io.spime.sim.internal.build.RunInfo;
import io.spime.sim.internal.car.VinFactory;
import io.spime.sim.internal.faults.FaultEvent;
import io.spime.sim.internal.faults.FaultEvent.Kind;
import io.spime.sim.internal.report.ReportCharts.TimeChart;
import io.spime.sim.internal.report.RunSeries.Column;
import io.spime.sim.internal.report.RunSeries.Row;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.sim.internal.verify.CarResult;
import io.spime.sim.internal.verify.LatencyDetail;
import io.spime.sim.internal.verify.LatencySummary;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a run with faults: where and how it ran, every fault listed and marked on the time
 * charts where it happened, latency over time and per phase, and a glossary of its terms.
 */
class FaultTimelineReportTest {
  private static final String CAR = VinFactory.vin(7, 0).value();
  private static final List<FaultEvent> FAULTS = List.of(
      new FaultEvent(Kind.LINK_CUT, 5_000, 4_000, CAR),
      new FaultEvent(Kind.BROKER_RESTART, 15_000, 0, "broker"),
      new FaultEvent(Kind.AGENT_KILL, 25_000, 2_000, CAR));

  @TempDir Path dir;

  @Test
  void the_page_heads_with_the_run_lists_each_fault_and_explains_its_terms() throws Exception {
    Path file = dir.resolve("outages.html");
    HtmlReport.write(file, report());
    ReportPage page = ReportPage.read(file);

    assertEquals(List.of(
            List.of("spime-sim", "0.1.0 (commit 0123456789ab)"),
            List.of("commit", "0123456789abcdef0123456789abcdef01234567"),
            List.of("date", "2026-12-06T02:00:00Z"),
            List.of("command line", "spime-sim run --scenario outages --seed 7"),
            List.of("seed", "7"), List.of("host", "ci-runner-3"), List.of("cores", "16"),
            List.of("JVM", "Eclipse Adoptium OpenJDK 64-Bit Server VM 17.0.15")),
        page.cells("Run"));
    assertEquals(List.of(
            List.of("5.0", "link cut", CAR, "4.0 s"),
            List.of("15.0", "broker restart", "broker", "-"),
            List.of("25.0", "agent kill (SIGKILL)", CAR, "2.0 s")),
        page.cells("Faults"));
    List<String> terms = page.document().select("dl.glossary dt").eachText();
    for (String term : List.of("converged", "in flight", "JVM start to first sample", "latency",
        "link cut", "broker restart", "agent kill (SIGKILL)", "phase", "CDF")) {
      assertTrue(terms.contains(term), term + " in " + terms);
    }
    assertEquals(List.of("latency percentiles", "latency over time",
            "latency distribution per phase"),
        page.section("Latency").stream().filter(element -> element.is("figure"))
            .map(figure -> figure.selectFirst("img").attr("alt")).toList());
    assertEquals(List.of("seconds,samples,p50_ms,p95_ms,p99_ms,max_ms", "0,100,40,90,120,150",
            "15,80,900,15000,19000,20000"),
        Files.readAllLines(dir.resolve("outages-latency-time.csv")));
    List<String> phases = Files.readAllLines(dir.resolve("outages-latency-phases.csv"));
    assertEquals("phase,from_s,to_s,samples,percentile,latency_ms", phases.get(0));
    assertEquals("\"after the broker restart\",15,30,80,50.0,900", phases.get(7));
    assertTrue(page.document().select("style").html().contains("@media print"), "print styles");
  }

  @Test
  void each_fault_is_drawn_on_the_time_chart_at_its_second() throws Exception {
    TimeChart spec = new TimeChart("Cars online", "cars", List.of(Column.CARS_ONLINE));
    JFreeChart chart = ReportCharts.timeChart(spec, rows(), 30, FAULTS);
    ChartRenderingInfo info = new ChartRenderingInfo();
    BufferedImage image = chart.createBufferedImage(900, 340, info);
    Rectangle2D area = info.getPlotInfo().getDataArea();
    XYPlot plot = chart.getXYPlot();

    assertTrue(share(image, area, x(plot, area, 15), FaultMarks.RESTART) > 0.8,
        "a black line from top to bottom at the broker restart");
    assertTrue(share(image, area, x(plot, area, 25), FaultMarks.KILL) > 0.25,
        "a dotted line at the kill");
    assertTrue(share(image, area, x(plot, area, 7), FaultMarks.RESTART) < 0.05,
        "no line elsewhere");
    Color band = new Color(image.getRGB(x(plot, area, 7), (int) (area.getY() + 10)));
    Color outside = new Color(image.getRGB(x(plot, area, 11), (int) (area.getY() + 10)));
    assertTrue(band.getRed() < 250 && band.getRed() == band.getBlue(),
        "a grey band over the cut from 5 to 9 s: " + band);
    assertEquals(Color.WHITE, outside, "no band after the cut ended");
    assertEquals("faults marked: 1 link cuts (grey bands), 1 broker restart (solid black line),"
        + " 1 agent kills (dotted lines)", FaultMarks.legend(FAULTS));
  }

  private static int x(XYPlot plot, Rectangle2D area, double seconds) {
    return (int) Math.round(plot.getDomainAxis().valueToJava2D(seconds, area,
        plot.getDomainAxisEdge()));
  }

  /** The share of the data area's height, in column {@code x} (give or take a pixel), of colour. */
  private static double share(BufferedImage image, Rectangle2D area, int x, Color colour) {
    int hits = 0;
    int rows = 0;
    for (int y = (int) area.getMinY() + 1; y < (int) area.getMaxY() - 1; y++) {
      rows++;
      for (int dx = -1; dx <= 1; dx++) {
        if (close(new Color(image.getRGB(x + dx, y)), colour)) {
          hits++;
          break;
        }
      }
    }
    return hits / (double) rows;
  }

  /** Near enough, allowing for anti-aliasing. */
  private static boolean close(Color seen, Color mark) {
    return Math.abs(seen.getRed() - mark.getRed()) + Math.abs(seen.getGreen() - mark.getGreen())
        + Math.abs(seen.getBlue() - mark.getBlue()) < 120;
  }

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (int second = 1; second <= 30; second++) {
      rows.add(new Row(second, 10, 100, 100, second * 100L, second * 100L, 1, 0, 0, 0, 0));
    }
    return rows;
  }

  private static RunReport report() {
    RunConfig config = new RunConfig(ScenarioSpec.resolve("outages"), 1, Duration.ofSeconds(30), 7,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    RunInfo info = new RunInfo(new BuildInfo("0.1.0", "0123456789abcdef0123456789abcdef01234567"), Instant.parse("2026-12-06T02:00:00Z"), "spime-sim run --scenario outages --seed 7",
        "ci-runner-3", 16, "Eclipse Adoptium OpenJDK 64-Bit Server VM 17.0.15");
    List<LatencyDetail.Quantile> cdf = List.of(new LatencyDetail.Quantile(1, 100),
        new LatencyDetail.Quantile(10, 300), new LatencyDetail.Quantile(50, 900),
        new LatencyDetail.Quantile(100, 20_000));
    LatencyDetail detail = new LatencyDetail(List.of(
        new LatencyDetail.Point(0, 1, 100, 40, 90, 120, 150),
        new LatencyDetail.Point(15, 1, 80, 900, 15_000, 19_000, 20_000)), List.of(
        new LatencyDetail.Phase("before the broker restart", 0, 15, 100, cdf),
        new LatencyDetail.Phase("after the broker restart", 15, 30, 80, cdf),
        new LatencyDetail.Phase("after the cars stopped (drain)", 30, Double.MAX_VALUE, 0,
            List.of())));
    return new RunReport(config, List.of(new CarResult(VinFactory.vin(7, 0), 180, 0, 180,
            List.of())), new IngestStats(80, 70, 180, 0, 0, 40, 0, Map.of(), 0, 0, 0, 0, 0, 4),
        Duration.ofMillis(100), true, new LatencySummary(180, 480, 15_000, 19_000, 20_000), 1, 1,
        OutOfProcessCars.NONE, 150_000, rows(), "", List.of(), info, FAULTS, detail);
  }
}
