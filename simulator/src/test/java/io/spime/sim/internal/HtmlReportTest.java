package io.spime.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.sim.internal.ReportCharts.TimeChart;
import io.spime.sim.internal.RunSeries.Column;
import io.spime.sim.internal.RunSeries.Row;
import io.spime.twin.sync.IngestStats;
import io.spime.wire.Vin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report and the CSV files beside it, written from a run's figures. */
class HtmlReportTest {
  private static final Vin CAR_A = VinFactory.vin(7, 0);
  private static final Vin CAR_B = VinFactory.vin(7, 1);

  @TempDir Path dir;

  @Test
  void a_rental_run_shows_its_back_office_line_and_each_violation_escaped() throws Exception {
    RunReport report = report("rental-fleet", OutOfProcessCars.NONE,
        "rentals: 27, profile followed the customer in 26, not in 1",
        List.of(CAR_A + " rented by <C-7>: the car reported profile 'none', expected 'C-7'"));

    String html = write(report);

    assertTrue(html.contains("<h2>Back office</h2>"), "back office section");
    assertTrue(html.contains("rentals: 27, profile followed the customer in 26, not in 1"));
    assertTrue(html.contains("1 violation:"), "violation count");
    assertTrue(html.contains("rented by &lt;C-7&gt;: the car reported profile 'none'"), "escaped");
    assertTrue(html.contains("FAILED"), "a failed office check fails the verdict");
  }

  @Test
  void a_lifetime_run_shows_how_many_records_hold_every_phase() throws Exception {
    String line = "lifetimes: 10 of 10 spime records hold every phase from production to recycling";
    String html = write(report("lifetime", OutOfProcessCars.NONE, line, List.of()));

    assertTrue(html.contains("<p class=\"ok\">" + line + "</p>"), "office line, as a pass");
    assertTrue(html.contains("OK: every sample"), "verdict");
  }

  @Test
  void a_run_without_back_office_or_kills_has_neither_section() throws Exception {
    String html = write(report("commute", OutOfProcessCars.NONE, "", List.of()));

    assertFalse(html.contains("Back office"));
    assertFalse(html.contains("Agent kills</h2>"));
    assertFalse(html.contains("samples in flight at a kill"));
    assertTrue(html.contains("<tr><td>agent kills (SIGKILL) / restarts from the outbox</td><td>0 / 0"));
  }

  @Test
  void a_run_with_killed_agents_lists_every_kill_and_the_samples_in_flight() throws Exception {
    OutOfProcessCars children = new OutOfProcessCars(1,
        List.of(new AgentKill(CAR_A, 12_300, 137, 2_500), new AgentKill(CAR_A, 40_000, 1, 1_000)),
        2, List.of(2_700L, 3_100L), 70_000);

    String html = write(report("outages", children, "", List.of()));

    assertTrue(html.contains("<h2>Agent kills</h2>"));
    assertTrue(html.contains("<td>12.3</td><td class=\"l\">" + CAR_A + "</td><td class=\"ok\">137 (SIGKILL)"));
    assertTrue(html.contains("<td class=\"bad\">1</td><td>1.0 s</td>"), "an exit not by SIGKILL");
    assertTrue(html.contains("<td>samples in flight at a kill</td><td>1</td>"));
    assertTrue(html.contains("<td>child JVM starts measured</td><td>2 of 3 (the others were killed"));
    assertTrue(html.contains("<td>agent kills (SIGKILL) / restarts from the outbox</td><td>2 / 2"));
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

    String html = write(report);

    assertTrue(html.contains("<td>DTCs set / cleared / open at the end</td><td>4 / 1 / 3</td>"));
    assertTrue(html.contains("<td>cars whose twin's DTCs differ</td><td>1</td>"));
    assertTrue(html.contains("<td>0</td><td>3</td><td>2</td><td class=\"l ok\">converged</td>"),
        "car A: set 3, open 2, converged");
    assertTrue(html.contains("<td class=\"l bad\">DTCs differ: P0562 raised at 12:00 is not in"));
    assertTrue(html.contains("FAILED"));
  }

  @Test
  void the_page_opens_offline_every_image_is_embedded_and_nothing_is_fetched() throws Exception {
    String html = write(report("outages", OutOfProcessCars.NONE, "", List.of()));

    String text = html.replaceAll("src=\"data:image/png;base64,[A-Za-z0-9+/=]+\"", "src");
    assertFalse(text.contains("http:") || text.contains("https:") || text.contains("//"),
        "no address of another site");
    assertFalse(html.contains("<script") || html.contains("<link") || html.contains("@import"));
    List<String> sources = attributes(html, "src");
    assertEquals(6, sources.size(), "five time charts and the latency chart");
    sources.forEach(src -> assertTrue(src.startsWith("data:image/png;base64,"), src));
    assertEquals(List.of("outages.csv", "outages-latency.csv"), attributes(html, "href"),
        "links only to the CSV files beside the page");
  }

  @Test
  void the_charts_draw_exactly_the_columns_of_the_series_csv_and_name_them() throws Exception {
    RunReport report = report("outages", OutOfProcessCars.NONE, "", List.of());
    String html = write(report);
    RunSeries.writeCsv(dir.resolve("outages.csv"), report.series());

    Set<Column> drawn = EnumSet.noneOf(Column.class);
    HtmlReport.SECTIONS.forEach(section -> section.charts().stream()
        .map(TimeChart::columns).forEach(drawn::addAll));
    assertEquals(EnumSet.complementOf(EnumSet.of(Column.SECONDS)), drawn, "every column, once");

    List<String> csv = Files.readAllLines(dir.resolve("outages.csv"));
    List<String> header = Arrays.asList(csv.get(0).split(","));
    assertEquals(Arrays.stream(Column.values()).map(Column::csvName).toList(), header);
    for (Column column : drawn) {
      assertTrue(html.contains(column.csvName()), "the page names column " + column.csvName());
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
    String html = write(report("commute", OutOfProcessCars.NONE, "", List.of()));

    assertTrue(html.contains("<td>latency p50 / p95 / p99 / max</td><td>480 / 1010 / 1040 / 1100 ms"));
    assertTrue(html.contains("<td>samples accepted by the agents</td><td>640</td>"));
    assertTrue(html.contains("<td>ingest: duplicate / out-of-order batches dropped</td><td>2 / 5</td>"));
    assertTrue(html.contains("<td>ingest: messages rejected / acks sent</td><td>0 / 40</td>"));
    assertTrue(html.contains("<td>duration of the drive</td><td>1m30s</td>"));
  }

  private String write(RunReport report) throws Exception {
    Path file = dir.resolve(report.config().scenario().name() + ".html");
    HtmlReport.write(file, report);
    return Files.readString(file);
  }

  private static List<String> attributes(String html, String name) {
    Matcher matcher = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(html);
    List<String> values = new ArrayList<>();
    while (matcher.find()) {
      values.add(matcher.group(1));
    }
    return values;
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
