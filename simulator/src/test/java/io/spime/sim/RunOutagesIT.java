package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A fleet under tunnels, a broker restart and SIGKILLs of its three out-of-process cars loses
 * nothing, and the report is written.
 */
class RunOutagesIT {
  @TempDir Path dir;

  @Test
  void outages_lose_nothing_and_write_an_html_report_with_charts_and_a_csv() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine line = SpimeSim.commandLine();
    line.setOut(new PrintWriter(out));
    Path report = dir.resolve("report").resolve("outages.html");
    int code = line.execute("run", "--scenario", "outages", "--vehicles", "8", "--duration", "25s",
        "--seed", "3", "--data-dir", dir.resolve("data").toString(), "--report", report.toString());

    assertEquals(0, code, out.toString());
    Matcher faults = Pattern.compile("faults: (\\d+) link cuts, (\\d+) broker restarts")
        .matcher(out.toString());
    assertTrue(faults.find(), out.toString());
    assertEquals("1", faults.group(2), "the broker restarted once");
    Matcher total = Pattern.compile("\\ntotal\\s+(\\d+)\\s+(\\d+)\\s+0\\s+0\\s+(\\d+)\\s+(\\d+)\\n")
        .matcher(out.toString());
    assertTrue(total.find(), "none lost or duplicated: " + out);
    assertEquals(Long.parseLong(total.group(1)) + Long.parseLong(total.group(4)),
        Long.parseLong(total.group(2)), "stored = accepted + in flight at kills");
    assertTrue(out.toString().contains("3 of them in a process of their own"), out.toString());

    assertTrue(out.toString().matches("(?s).*memory: [\\d,]+ KB of heap per in-process car.*"),
        out.toString());
    String html = Files.readString(report);
    assertEquals(8, html.split("<img ", -1).length - 1,
        "five time charts, the latency bars, latency over time and per phase");
    assertTrue(html.contains("<h2>Faults</h2>") && html.contains("broker restart</td>"),
        "the faults listed, the broker restart among them");
    assertTrue(html.contains("<h2>Agent kills</h2>"), "the kills are listed");
    assertTrue(Files.exists(dir.resolve("report").resolve("outages-latency.csv")), "latency CSV");
    assertTrue(html.contains("data:image/png;base64,"), "charts embedded: opens offline");
    assertTrue(html.contains("OK: every sample"), "verdict shown");
    List<String> csv = Files.readAllLines(dir.resolve("report").resolve("outages.csv"));
    assertTrue(csv.get(0).startsWith("seconds,cars_online,accepted_per_s"), csv.get(0));
    assertTrue(csv.get(0).endsWith("links_cut,agents_down,agent_kills"), csv.get(0));
    assertTrue(csv.size() >= 20, "a row a second: " + csv.size());
  }
}
