package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spime-sim demo --report}: a real short run writes the page and both CSV files. */
class DemoReportTest {
  @TempDir Path dir;

  @Test
  void a_short_demo_writes_the_report_its_series_and_its_latency_beside_it() throws Exception {
    Path report = dir.resolve("out").resolve("demo.html");
    CliRun result = CliRun.of("demo", "--vehicles", "2", "--duration", "3s",
        "--data-dir", dir.resolve("data").toString(), "--report", report.toString());

    assertEquals(0, result.exitCode(), result.out() + result.err());
    assertTrue(result.out().contains("report: " + report), result.out());
    String html = Files.readString(report);
    assertTrue(html.contains("<h1>spime-sim: commute</h1>"), "scenario in the title");
    assertTrue(html.contains("OK: every sample"), "verdict");
    assertEquals(6, html.split("<img ", -1).length - 1, "five time charts and the latency chart");

    List<String> series = Files.readAllLines(dir.resolve("out").resolve("demo.csv"));
    assertEquals("seconds,cars_online,accepted_per_s,stored_per_s,accepted_total,stored_total,"
        + "backlog_batches,reconnects,links_cut,agents_down,agent_kills", series.get(0));
    assertTrue(series.size() >= 3, "a row a second and one after the drain: " + series);
    String[] last = series.get(series.size() - 1).split(",");
    assertEquals(last[4], last[5], "after the drain the twins hold every accepted sample");

    List<String> latency = Files.readAllLines(dir.resolve("out").resolve("demo-latency.csv"));
    assertEquals("percentile,latency_ms,samples", latency.get(0));
    assertEquals(List.of("p50", "p95", "p99", "max"),
        latency.subList(1, 5).stream().map(line -> line.split(",")[0]).toList());
    assertEquals(last[4], latency.get(1).split(",")[2], "latency over every accepted sample");
  }
}
