package io.spime.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spime.broker.EmbeddedBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fleet over three machines, played by three processes here: a broker, one {@code spime-sim
 * cloud} ingesting into one store, three {@code run --shard i/3} with link cuts and SIGKILLs in
 * each, and {@code verify}, which merges their ledgers with the store into one verdict.
 */
class ShardedFleetIT {
  @TempDir Path dir;

  @Test
  void three_shards_with_faults_in_each_verify_as_one_fleet() throws Exception {
    Path scenario = dir.resolve("outages-sharded.properties");
    Files.writeString(scenario, "base=outages\nname=outages over shards\nbrokerRestarts=0\n"
        + "killedCars=1\nagentKillsPerCarPerHour=400\nagentRestart=1s..2s\n"
        + "tunnelsPerCarPerHour=400\ntunnel=2s..4s\n");
    Path store = dir.resolve("twins.db");
    Path ledgers = dir.resolve("ledgers");
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      Path cloudLog = dir.resolve("cloud.log");
      Process cloud = SimProcess.start(cloudLog, Map.of(), "cloud", "--broker", broker.url(),
          "--store", store.toString(), "--register-fleet", "9", "--seed", "4", "--every", "5s");
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(cloudLog)
            && Files.readString(cloudLog).contains("spime-sim cloud: ingesting"));
        List<Process> shards = new ArrayList<>();
        for (int shard = 1; shard <= 3; shard++) {
          shards.add(SimProcess.start(dir.resolve("shard-" + shard + ".log"), Map.of(), "run",
              "--shard", shard + "/3", "--vehicles", "9", "--seed", "4", "--duration", "15s",
              "--scenario", scenario.toString(), "--broker", broker.url(),
              "--ledger-dir", ledgers.toString(), "--status-every", "5s"));
        }
        for (int shard = 1; shard <= 3; shard++) {
          assertTrue(shards.get(shard - 1).waitFor(4, TimeUnit.MINUTES), "shard " + shard);
          String log = Files.readString(dir.resolve("shard-" + shard + ".log"));
          assertEquals(0, shards.get(shard - 1).exitValue(), log);
          assertTrue(log.contains("shard " + shard + "/3: cars "), log);
        }
      } finally {
        cloud.destroy();
        assertTrue(cloud.waitFor(60, TimeUnit.SECONDS), "the cloud stops on SIGTERM");
      }
    }

    Path json = dir.resolve("verdict.json");
    Path report = dir.resolve("verdict.html");
    CliRun verify = CliRun.of("verify", "--store", store.toString(), "--ledgers",
        ledgers.toString(), "--json", json.toString(), "--report", report.toString());

    assertEquals(0, verify.exitCode(), verify.out() + verify.err());
    assertTrue(verify.out().contains("result: OK - 3 shards verify as one fleet of 9 cars"),
        verify.out());
    JsonNode verdict = new ObjectMapper().readTree(json.toFile());
    assertEquals(9, verdict.path("cars").size());
    for (JsonNode shard : verdict.path("shards")) {
      assertTrue(shard.path("faults").asInt() > 0, "faults in every shard: " + verdict);
      assertTrue(shard.path("drained").asBoolean(), shard.toString());
    }
    assertTrue(verdict.path("figures").path("agent_kills").asInt() > 0, verdict.toString());
    assertEquals(0, verdict.path("figures").path("samples_lost").asInt());
    assertTrue(Files.readString(report).contains("3 shards, 9 cars"), "one report");

    Files.delete(ledgers.resolve("shard-2-of-3.jsonl"));
    CliRun partial = CliRun.of("verify", "--store", store.toString(), "--ledgers",
        ledgers.toString());
    assertEquals(ExitCodes.USAGE, partial.exitCode());
    assertTrue(partial.err().contains("no ledger of shard [2] of 3"), partial.err());
  }
}
