package io.spime.sim.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.spime.cloud.sync.IngestStats;
import io.spime.sim.internal.build.RunInfo;
import io.spime.sim.internal.car.VinFactory;
import io.spime.sim.internal.report.RunSeries.Row;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.sim.internal.verify.CarResult;
import io.spime.sim.internal.verify.LatencyDetail;
import io.spime.sim.internal.verify.LatencySummary;
import io.spime.sim.internal.verify.RenewalCheck;
import io.spime.twin.custody.PartyId;
import io.spime.twin.experience.AgreementKind;
import io.spime.twin.experience.AgreementRef;
import io.spime.twin.experience.RenewalCandidate;
import io.spime.twin.experience.RiskReason;
import io.spime.twin.experience.RiskScore;
import io.spime.twin.experience.Signal;
import io.spime.wire.AssetId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A renewal run's ranking in the page, the console and the JSON result: scores, reasons, the seeded marked. */
class RenewalReportTest {
  private static final LocalDate DUE = LocalDate.of(2027, 1, 15);
  private static final RiskReason WORKSHOP = new RiskReason(Signal.DAYS_IN_WORKSHOP, 40, 3, 90);
  private static final RiskReason UNANSWERED = new RiskReason(Signal.UNANSWERED_TOUCHPOINT, 2, 15, 30);
  private static final RiskReason SERVICE = new RiskReason(Signal.DAYS_IN_WORKSHOP, 3, 3, 9);

  @TempDir Path dir;

  private static RenewalCandidate candidate(int index, String customer, RiskReason... reasons) {
    AssetId vin = VinFactory.vin(9, index);
    return new RenewalCandidate(new AgreementRef(vin, AgreementKind.LEASE, "LESSEE"), PartyId.of(customer),
        DUE.minusYears(3), DUE.plusDays(index), Map.of(), RiskScore.of(List.of(reasons)));
  }

  @Test
  void the_ranked_list_shows_each_lease_with_its_score_and_reasons_and_marks_the_seeded() throws Exception {
    List<RenewalCandidate> ranking = new ArrayList<>(List.of(candidate(0, "lessee-a", WORKSHOP, UNANSWERED),
        candidate(1, "lessee-b", SERVICE)));
    for (int i = 2; i < 25; i++) {
      ranking.add(candidate(i, "lessee-" + i));
    }
    RenewalCheck check = RenewalCheck.of(ranking, Set.of(PartyId.of("lessee-a")), 25);
    RunReport report = report(check, "renewals: the 1 seeded customers rank #1 to #1 of the 25 leases due");

    Path file = dir.resolve("renewal.html");
    HtmlReport.write(file, report);
    ReportPage page = ReportPage.read(file);

    List<Element> section = page.section("Renewals");
    assertTrue(section.get(0).hasClass("ok"), section.get(0).outerHtml());
    assertTrue(section.get(0).text().startsWith("OK: the 1 customers seeded with bad experiences are the top 1 of the"
        + " 25 leases due"), section.get(0).text());
    List<List<String>> cells = page.cells("Renewals");
    assertEquals(RenewalCheck.SHOWN, cells.size(), "the top twenty");
    assertEquals(List.of("1", "lessee-a", VinFactory.vin(9, 0).value(), DUE.toString(), "120", "seeded",
        "days in workshop 40 x 3 = 90 (capped), unanswered touchpoint 2 x 15 = 30"), cells.get(0));
    assertEquals(List.of("2", "lessee-b", VinFactory.vin(9, 1).value(), DUE.plusDays(1).toString(), "9",
        "days in workshop 3 x 3 = 9"), cells.get(1), "the empty 'seeded' cell is left out of the texts");
    assertEquals("", page.rows("Renewals").get(1).child(5).text(), "an unseeded customer is not marked");
    assertEquals("nothing to complain about", page.rows("Renewals").get(2).child(6).text());
    assertEquals("5 more leases due rank below.", section.get(2).text());

    JsonNode json = RunJson.tree(report).path("renewals");
    assertTrue(json.path("passed").asBoolean());
    assertEquals("lessee-a", json.path("seeded").get(0).asText());
    assertEquals(RenewalCheck.SHOWN, json.path("top").size());
    JsonNode first = json.path("top").get(0);
    assertEquals(120, first.path("points").asLong());
    assertTrue(first.path("seeded").asBoolean());
    assertEquals("DAYS_IN_WORKSHOP", first.path("reasons").get(0).path("signal").asText());
    assertEquals(90, first.path("reasons").get(0).path("points").asLong());

    StringWriter console = new StringWriter();
    report.print(new PrintWriter(console));
    assertTrue(console.toString().contains("  #1   seeded lessee-a " + VinFactory.vin(9, 0) + " due " + DUE
        + ", 120 points: days in workshop"), console.toString());
    assertFalse(console.toString().contains("#11 "), "the console shows ten rows");
  }

  @Test
  void a_failed_ranking_fails_the_verdict_and_says_who_ranked_where() throws Exception {
    RenewalCheck check = RenewalCheck.of(List.of(candidate(0, "lessee-x", SERVICE), candidate(1, "lessee-s")),
        Set.of(PartyId.of("lessee-s")), 2);
    assertFalse(check.passed());
    RunReport report = report(check, "renewals: the 1 seeded customers are NOT the top 1 of the 2 leases due");

    Path file = dir.resolve("renewal.html");
    HtmlReport.write(file, report);
    ReportPage page = ReportPage.read(file);

    assertTrue(page.verdict().hasClass("bad"));
    assertTrue(page.section("Renewals").get(0).hasClass("bad"));
    assertTrue(page.section("Back office").stream().anyMatch(e -> e.text().contains(
        "seeded customer lessee-s (car " + VinFactory.vin(9, 1) + ", #2, 0 points) ranked below the top 1")),
        page.section("Back office").toString());
    assertEquals("lessee-x", page.cells("Renewals").get(0).get(1));
    assertEquals("FAILED", RunJson.tree(report).path("verdict").asText());
    assertFalse(RunJson.tree(report).path("renewals").path("passed").asBoolean());
  }

  @Test
  void a_run_without_a_ranking_has_no_renewals_section() throws Exception {
    RunReport report = new RunReport(config(), List.of(), ingest(), Duration.ZERO, true, latency(), 0, 0,
        OutOfProcessCars.NONE, 0, List.of(), "", List.of());
    Path file = dir.resolve("commute.html");
    HtmlReport.write(file, report);
    assertFalse(ReportPage.read(file).headings().contains("Renewals"));
    assertTrue(RunJson.tree(report).path("renewals").isMissingNode());
  }

  private static RunReport report(RenewalCheck check, String summary) {
    List<CarResult> cars = List.of(new CarResult(VinFactory.vin(9, 0), 320, 0, 320, List.of()));
    List<Row> rows = List.of(new Row(1.0, 1, 160, 160, 160, 160, 0, 0, 0, 0, 0),
        new Row(2.0, 1, 0, 0, 160, 160, 0, 0, 0, 0, 0));
    return new RunReport(config(), cars, ingest(), Duration.ofMillis(100), true, latency(), 0, 0,
        OutOfProcessCars.NONE, 0, rows, summary, check.failures(), RunInfo.embedded(), List.of(), LatencyDetail.NONE,
        Optional.of(check));
  }

  private static RunConfig config() {
    return new RunConfig(ScenarioSpec.resolve("renewal"), 1, Duration.ofSeconds(10), 9, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static IngestStats ingest() {
    return new IngestStats(2, 2, 160, 0, 0, 2, 0, Map.of(), 0, 0, 0, 0, 0, 2);
  }

  private static LatencySummary latency() {
    return new LatencySummary(160, 40, 80, 90, 100);
  }
}
