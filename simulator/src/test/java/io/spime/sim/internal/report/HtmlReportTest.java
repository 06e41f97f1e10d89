package io.spime.sim.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.cloud.sync.IngestStats;
import io.spime.sim.internal.car.VinFactory;
import io.spime.sim.internal.faults.AgentKill;
import io.spime.sim.internal.report.ReportCharts.TimeChart;
import io.spime.sim.internal.report.RunSeries.Column;
import io.spime.sim.internal.report.RunSeries.Row;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.sim.internal.verify.CarResult;
import io.spime.sim.internal.verify.DtcCheck;
import io.spime.sim.internal.verify.LatencySummary;
import io.spime.wire.AssetId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report and the CSV files beside it, written from a run's figures. */
class HtmlReportTest {
  private static final AssetId CAR_A = VinFactory.vin(7, 0);
  private static final AssetId CAR_B = VinFactory.vin(7, 1);

  @TempDir Path dir;

  @Test
  void a_rental_run_shows_its_back_office_line_and_each_violation_escaped() throws Exception {
    String violation = CAR_A + " rented by <C-7>: the car reported profile 'none', expected 'C-7'";
    RunReport report = report("rental-fleet", OutOfProcessCars.NONE,
        "rentals: 27, profile followed the customer in 26, not in 1", List.of(violation));

    ReportPage page = write(report);

    List<Element> office = page.section("Back office");
    assertEquals("rentals: 27, profile followed the customer in 26, not in 1", office.get(0).text());
    assertTrue(office.get(0).hasClass("bad"), "a line with violations is marked as a failure");
    assertEquals("1 violation:", office.get(1).text());
    assertEquals(List.of(violation), office.get(2).select("li").eachText(),
        "the violation as written, its <C-7> text and not markup");
    assertTrue(page.verdict().hasClass("bad"), "a failed office check fails the verdict");
    assertTrue(page.verdict().text().startsWith("FAILED"), page.verdict().text());
  }

  @Test
  void a_lifetime_run_shows_how_many_records_hold_every_phase() throws Exception {
    String line = "lifetimes: 10 of 10 spime records hold every phase from production to recycling";
    ReportPage page = write(report("lifetime", OutOfProcessCars.NONE, line, List.of()));

    Element office = page.section("Back office").get(0);
    assertEquals(line, office.text());
    assertTrue(office.hasClass("ok"), "office line, as a pass");
    assertTrue(page.verdict().hasClass("ok"));
    assertTrue(page.verdict().text().startsWith("OK: every sample"), page.verdict().text());
  }

  @Test
  void a_run_without_back_office_or_kills_has_neither_section() throws Exception {
    ReportPage page = write(report("commute", OutOfProcessCars.NONE, "", List.of()));

    assertFalse(page.headings().contains("Back office"), page.headings().toString());
    assertFalse(page.headings().contains("Agent kills"), page.headings().toString());
    assertEquals(Optional.empty(), page.summary("samples in flight at a kill"));
    assertEquals(Optional.of("0 / 0"),
        page.summary("agent kills (SIGKILL) / restarts from the outbox"));
  }

  @Test
  void a_run_with_killed_agents_lists_every_kill_and_the_samples_in_flight() throws Exception {
    OutOfProcessCars children = new OutOfProcessCars(1,
        List.of(new AgentKill(CAR_A, 12_300, 137, 2_500), new AgentKill(CAR_A, 40_000, 1, 1_000)),
        2, List.of(2_700L, 3_100L), 70_000);

    ReportPage page = write(report("outages", children, "", List.of()));

    assertEquals(List.of(
            List.of("12.3", CAR_A.value(), "137 (SIGKILL)", "2.5 s"),
            List.of("40.0", CAR_A.value(), "1", "1.0 s")),
        page.cells("Agent kills"));
    List<Element> kills = page.rows("Agent kills");
    assertTrue(kills.get(0).child(2).hasClass("ok"), "exit 137: by SIGKILL");
    assertTrue(kills.get(1).child(2).hasClass("bad"), "an exit not by SIGKILL");
    assertEquals(Optional.of("1"), page.summary("samples in flight at a kill"));
    assertEquals(Optional.of("2 of 3 (the others were killed while starting)"),
        page.summary("child JVM starts measured"));
    assertEquals(Optional.of("2 / 2"),
        page.summary("agent kills (SIGKILL) / restarts from the outbox"));
  }

  @Test
  void the_trouble_codes_are_counted_and_a_car_whose_twin_misses_one_fails() throws Exception {
    RunReport clean = report("commute", OutOfProcessCars.NONE, "", List.of());
    List<CarResult> cars = List.of(
        new CarResult(CAR_A, 320, 0, 320, List.of(), 0, List.of(), new DtcCheck(3, 1, 2, List.of())),
        new CarResult(CAR_B, 320, 0, 320, List.of(), 0, List.of(),
            new DtcCheck(1, 0, 1, List.of("P0562 raised at 12:00 is not in the twin"))));
    RunReport report = new RunReport(clean.config(), cars, clean.ingest(), clean.drainTime(), true,
        clean.latency(), 0, 0, OutOfProcessCars.NONE, 0, clean.series(), "", List.of());

    ReportPage page = write(report);

    assertEquals(Optional.of("4 / 1 / 3"), page.summary("DTCs set / cleared / open at the end"));
    assertEquals(Optional.of("1"), page.summary("cars whose twin's DTCs differ"));
    assertEquals(List.of(
            List.of(CAR_A.value(), "320", "320", "0", "0", "0", "0", "3", "2", "converged"),
            List.of(CAR_B.value(), "320", "320", "0", "0", "0", "0", "1", "1",
                "DTCs differ: P0562 raised at 12:00 is not in the twin")),
        page.cells("Cars"), "car A: set 3, open 2, converged");
    List<Element> rows = page.rows("Cars");
    assertTrue(rows.get(0).child(9).hasClass("ok"));
    assertTrue(rows.get(1).child(9).hasClass("bad"));
    assertTrue(page.verdict().text().startsWith("FAILED"), page.verdict().text());
  }

  @Test
  void the_page_opens_offline_every_image_is_embedded_and_nothing_is_fetched() throws Exception {
    Document page = write(report("outages", OutOfProcessCars.NONE, "", List.of())).document();

    assertTrue(page.select("script, link, iframe, object, embed, base").isEmpty());
    String style = page.select("style").html();
    assertFalse(style.contains("@import") || style.contains("url("), "the style sheet fetches nothing");
    Elements images = page.select("img");
    assertEquals(6, images.size(), "five time charts and the latency chart");
    for (Element image : images) {
      assertTrue(image.attr("src").startsWith("data:image/png;base64,"), image.attr("alt"));
      assertFalse(image.attr("alt").isBlank(), "every chart says what it shows");
    }
    for (Element element : page.getAllElements()) {
      element.attributes().forEach(attribute -> {
        boolean embedded = attribute.getKey().equals("src") && element.is("img");
        assertFalse(!embedded && (attribute.getValue().contains("http:")
                || attribute.getValue().contains("https:") || attribute.getValue().contains("//")),
            "no address of another site: " + attribute);
      });
    }
    assertEquals(List.of("outages.csv", "outages-latency.csv"), page.select("a[href]").eachAttr("href"),
        "links only to the CSV files beside the page");
  }

  @Test
  void the_charts_draw_exactly_the_columns_of_the_series_csv_and_name_them() throws Exception {
    RunReport report = report("outages", OutOfProcessCars.NONE, "", List.of());
    ReportPage page = write(report);
    RunSeries.writeCsv(dir.resolve("outages.csv"), report.series());

    Set<Column> drawn = EnumSet.noneOf(Column.class);
    HtmlReport.SECTIONS.forEach(section -> section.charts().stream()
        .map(TimeChart::columns).forEach(drawn::addAll));
    assertEquals(EnumSet.complementOf(EnumSet.of(Column.SECONDS)), drawn, "every column, once");

    List<String> csv = Files.readAllLines(dir.resolve("outages.csv"));
    List<String> header = Arrays.asList(csv.get(0).split(","));
    assertEquals(Arrays.stream(Column.values()).map(Column::csvName).toList(), header);
    for (HtmlReport.Section section : HtmlReport.SECTIONS) {
      List<Element> figures = page.section(section.heading()).stream()
          .filter(element -> element.is("figure")).toList();
      assertEquals(section.charts().stream().map(TimeChart::title).toList(),
          figures.stream().map(figure -> figure.selectFirst("img").attr("alt")).toList(),
          "the charts under " + section.heading());
      for (int i = 0; i < figures.size(); i++) {
        String caption = figures.get(i).selectFirst("figcaption").text();
        for (Column column : section.charts().get(i).columns()) {
          assertTrue(caption.contains(column.csvName()), caption + " names " + column.csvName());
        }
      }
    }
    assertEquals(report.series().size() + 1, csv.size(), "a line a row");
    assertEquals("2.0,2,160,150,320,300,3,1,1,0,0", csv.get(2));
  }

  @Test
  void the_latency_csv_beside_the_page_holds_the_percentiles_of_the_summary() throws Exception {
    write(report("commute", OutOfProcessCars.NONE, "", List.of()));

    assertEquals(List.of("percentile,latency_ms,samples", "p50,480,640", "p95,1010,640",
            "p99,1040,640", "max,1100,640"),
        Files.readAllLines(dir.resolve("commute-latency.csv")));
  }

  @Test
  void the_summary_shows_the_figures_the_console_prints() throws Exception {
    ReportPage page = write(report("commute", OutOfProcessCars.NONE, "", List.of()));

    assertEquals(Optional.of("480 / 1010 / 1040 / 1100 ms"),
        page.summary("latency p50 / p95 / p99 / max"));
    assertEquals(Optional.of("640"), page.summary("samples accepted by the agents"));
    assertEquals(Optional.of("2 / 5"),
        page.summary("ingest: duplicate / out-of-order batches dropped"));
    assertEquals(Optional.of("0 / 40"), page.summary("ingest: messages rejected / acks sent"));
    assertEquals(Optional.of("1m30s"), page.summary("duration of the drive"));
  }

  private ReportPage write(RunReport report) throws Exception {
    Path file = dir.resolve(report.config().scenario().name() + ".html");
    HtmlReport.write(file, report);
    return ReportPage.read(file);
  }

  private static RunReport report(String scenario, OutOfProcessCars children, String officeSummary,
      List<String> violations) {
    RunConfig config = new RunConfig(ScenarioSpec.resolve(scenario), 2, Duration.ofSeconds(90), 7,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    List<CarResult> cars = List.of(
        new CarResult(CAR_A, 320, 0, children.kills().isEmpty() ? 320 : 321, List.of(),
            children.kills().size(), List.of()),
        new CarResult(CAR_B, 320, 0, 320, List.of()));
    IngestStats ingest = new IngestStats(80, 70, 641, 2, 5, 40, 0, Map.of(), 0, 0, 0, 0, 0, 4);
    List<Row> rows = List.of(
        new Row(1.0, 2, 160, 150, 160, 150, 2, 0, 0, 0, 0),
        new Row(2.0, 2, 160, 150, 320, 300, 3, 1, 1, 0, 0),
        new Row(2.1, 2, 0, 210, 320, 321, 0, 1, 0, 0, 0));
    return new RunReport(config, cars, ingest, Duration.ofMillis(100), true,
        new LatencySummary(640, 480, 1010, 1040, 1100), 1, 0, children, 150_000, rows,
        officeSummary, violations);
  }
}
