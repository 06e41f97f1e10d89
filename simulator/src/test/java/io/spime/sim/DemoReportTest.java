package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
    Document page = Jsoup.parse(report.toFile(), "UTF-8");
    assertEquals("spime-sim: commute", page.selectFirst("h1").text(), "scenario in the title");
    assertTrue(page.selectFirst("h1 ~ p.ok > strong").text().startsWith("OK: every sample"),
        "verdict");
    List<String> charts = page.select("figure > img").eachAttr("src");
    assertEquals(8, charts.size(),
        "five time charts, the latency bars, latency over time and per phase");
    charts.forEach(src -> assertTrue(src.startsWith("data:image/png;base64,"), "embedded"));

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

    List<String> overTime = Files.readAllLines(dir.resolve("out").resolve("demo-latency-time.csv"));
    assertEquals("seconds,samples,p50_ms,p95_ms,p99_ms,max_ms", overTime.get(0));
    assertEquals(Long.parseLong(last[4]), overTime.stream().skip(1)
            .mapToLong(line -> Long.parseLong(line.split(",")[1])).sum(),
        "every sample in one second of the latency over time");
    List<String> phases = Files.readAllLines(dir.resolve("out").resolve("demo-latency-phases.csv"));
    assertTrue(phases.stream().anyMatch(line -> line.startsWith("\"drive\",0,")), phases.toString());
    assertEquals(List.of("Run", "Summary"), page.select("h2").eachText().subList(0, 2),
        "the run's header first");
    assertTrue(page.select("h2").eachText().contains("Glossary"), "terms explained");
  }
}
