package io.spime.sim.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.spime.cloud.sync.IngestStats;
import io.spime.sim.internal.car.AssetIds;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.sim.internal.verify.CarResult;
import io.spime.sim.internal.verify.LatencySummary;
import io.spime.wire.AssetKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mixed fleet's report counts per kind, and a kind that lost samples fails the run by name. */
class KindTallyTest {
  @TempDir Path dir;

  @Test
  void a_boat_that_lost_samples_fails_the_run_and_every_output_counts_per_kind() throws Exception {
    RunReport report = report();

    assertFalse(report.clean());
    assertEquals(List.of("boat"), report.kindsWithLoss());
    assertTrue(report.resultLine().endsWith("data lost for boat."), report.resultLine());
    StringWriter console = new StringWriter();
    report.print(new PrintWriter(console));
    assertTrue(console.toString().contains(String.format("%-17s %8d %10d %10d %6d %9d%n", "car", 2, 640, 640, 0, 0)),
        console.toString());
    assertTrue(console.toString().contains(String.format("%-17s %8d %10d %10d %6d %9d%n", "boat", 1, 300, 297, 3, 1)),
        console.toString());

    JsonNode kinds = RunJson.tree(report).path("kinds");
    assertEquals(3, kinds.size());
    assertEquals("e-bike", kinds.get(1).path("kind").asText());
    assertEquals(3, kinds.get(2).path("lost").asLong());
    assertEquals("boat", RunJson.tree(report).path("cars").get(3).path("kind").asText());

    Path page = dir.resolve("report.html");
    HtmlReport.write(page, report);
    Element table = Jsoup.parse(page.toFile(), "UTF-8").select("h2:containsOwn(Kinds of asset) + div table").first();
    assertEquals(4, table.select("tr").size(), "a heading and three kinds");
    Element boat = table.select("tr").get(3);
    assertEquals("boat", boat.select("td").get(0).text());
    assertEquals("bad", boat.select("td").get(4).className());
    assertEquals("3", boat.select("td").get(4).text());
  }

  private static RunReport report() {
    RunConfig config = new RunConfig(ScenarioSpec.resolve("rental-fleet"), 4, Duration.ofSeconds(10), 7,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    List<CarResult> cars = List.of(
        new CarResult(AssetIds.of(AssetKind.CAR, 7, 0), 320, 0, 320, List.of()),
        new CarResult(AssetIds.of(AssetKind.E_BIKE, 7, 1), 100, 0, 100, List.of()),
        new CarResult(AssetIds.of(AssetKind.CAR, 7, 2), 320, 0, 320, List.of()),
        new CarResult(AssetIds.of(AssetKind.BOAT, 7, 3), 300, 0, 297, List.of()));
    IngestStats ingest = new IngestStats(80, 70, 641, 2, 5, 40, 0, Map.of(), 0, 0, 0, 0, 0, 4);
    return new RunReport(config, cars, ingest, Duration.ofMillis(100), true,
        new LatencySummary(640, 480, 1010, 1040, 1100), 0, 0, OutOfProcessCars.NONE, 150_000,
        List.of(), "", List.of());
  }
}
