package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --processes 2}: the cars drive in two shard processes against this run's embedded
 * broker, each car logged in as itself, and one verdict covers them all; with {@code --ingests 2}
 * the ingest runs as two processes of one share group as well.
 */
class SpreadRunIT {
  @TempDir Path dir;

  @Test
  void a_fleet_over_two_processes_verifies_as_one() throws Exception {
    Path data = dir.resolve("data");
    Path json = dir.resolve("spread.json");
    CliRun run = CliRun.of("run", "--vehicles", "6", "--duration", "3s", "--processes", "2",
        "--data-dir", data.toString(), "--json", json.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("in 2 processes of ~3 cars"), run.out());
    assertTrue(run.out().contains("result: OK - 2 shards verify as one fleet of 6 cars"), run.out());
    JsonNode verdict = new ObjectMapper().readTree(json.toFile());
    assertEquals(6, verdict.path("cars").size());
    assertEquals(0, verdict.path("figures").path("samples_lost").asInt());
    assertTrue(verdict.path("figures").path("samples_accepted").asLong() > 0, verdict.toString());
    for (int shard = 1; shard <= 2; shard++) {
      assertTrue(Files.exists(data.resolve("ledgers/shard-" + shard + "-of-2.jsonl")), "ledger " + shard);
      assertEquals(3, Files.readAllLines(data.resolve("shard-" + shard + ".identities")).size(),
          "each shard process gets the passwords of its own cars only");
    }
  }

  @Test
  void shards_and_ingest_processes_combine_and_each_ingest_takes_a_share() {
    Path data = dir.resolve("data");
    CliRun run = CliRun.of("run", "--vehicles", "4", "--duration", "3s", "--processes", "2",
        "--ingests", "2", "--data-dir", data.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("ingest 2 processes of one share group"), run.out());
    assertTrue(run.out().contains("ingest processes: 2 in share group spime-sim"), run.out());
    assertTrue(run.out().contains("result: OK - 2 shards verify as one fleet of 4 cars"), run.out());
    for (String member : new String[] {"ingest-1", "ingest-2"}) {
      Matcher row = Pattern.compile("(?m)^" + member + " +(\\d+) +(\\d+) ").matcher(run.out());
      assertTrue(row.find(), member + " has no row: " + run.out());
      assertTrue(Long.parseLong(row.group(2)) > 0, member + " applied no sample: " + run.out());
      assertTrue(Files.exists(data.resolve(member + ".log")), member + ".log");
    }
  }
}
