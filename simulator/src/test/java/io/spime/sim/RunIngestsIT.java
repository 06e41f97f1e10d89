package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --ingests N}: the ingest as child JVMs of one share group on one SQLite file, one of
 * them SIGKILLed and started again mid-drive; the verdict stays exactly-once, and a loss the ingest
 * injects is caught. About a minute each.
 */
class RunIngestsIT {
  @TempDir Path dir;

  @Test
  void two_ingest_processes_one_killed_and_restarted_store_every_sample_once() throws Exception {
    Path report = dir.resolve("report.html");
    CliRun run = CliRun.of("run", "--vehicles", "8", "--duration", "15s", "--ingests", "2",
        "--kill-ingest", "1", "--data-dir", dir.resolve("data").toString(), "--report", report.toString());

    assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("ingest processes: 2 in share group spime-sim; SIGKILLed and started again: 1"),
        run.out());
    assertTrue(run.out().contains("result: OK"), run.out());
    assertTrue(run.out().contains("latency record -> durable: not measured"), "no latency figures of zero: " + run.out());
    List<String> csv = Files.readAllLines(dir.resolve("report-ingests.csv"));
    assertEquals(3, csv.size(), "a header and one row per process: " + csv);
    assertTrue(csv.get(1).startsWith("ingest-1,") && csv.get(1).endsWith(",1"), "ingest-1 restarted once: " + csv);
    assertTrue(csv.get(2).startsWith("ingest-2,") && csv.get(2).endsWith(",0"), csv.toString());
    long samples = csv.subList(1, 3).stream().mapToLong(row -> Long.parseLong(row.split(",")[2])).sum();
    assertTrue(samples > 0, "the processes applied the samples: " + csv);
  }

  @Test
  void a_run_whose_ingest_loses_samples_fails() {
    CliRun run = CliRun.of("run", "--vehicles", "4", "--duration", "8s", "--ingests", "2",
        "--inject-ingest-loss", "5", "--data-dir", dir.resolve("data").toString());

    assertEquals(ExitCodes.VIOLATION, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("result: FAILED"), run.out());
  }

  @Test
  void the_rental_desk_needs_the_in_process_ingest_and_kills_need_processes() {
    CliRun rental = CliRun.of("run", "--scenario", "rental-fleet", "--ingests", "2");
    assertEquals(ExitCodes.USAGE, rental.exitCode());
    assertTrue(rental.err().contains("leave out --ingests"), rental.err());

    CliRun kills = CliRun.of("run", "--kill-ingest", "1");
    assertEquals(ExitCodes.USAGE, kills.exitCode());
    assertTrue(kills.err().contains("--kill-ingest needs --ingests N"), kills.err());
  }
}
