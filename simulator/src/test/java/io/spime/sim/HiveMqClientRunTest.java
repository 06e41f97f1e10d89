package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --mqtt-client hivemq}: the cars' agents on the HiveMQ client's shared threads lose nothing. */
class HiveMqClientRunTest {
  @TempDir Path dir;

  @Test
  void a_fleet_on_the_hivemq_client_verifies_with_nothing_lost() throws Exception {
    Path json = dir.resolve("result.json");
    CliRun run = CliRun.of("run", "--vehicles", "6", "--duration", "5s", "--seed", "17",
        "--mqtt-client", "hivemq", "--data-dir", dir.resolve("data").toString(), "--json", json.toString());

    assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("result: OK"), run.out());
    JsonNode result = new ObjectMapper().readTree(json.toFile());
    assertEquals(0, result.path("figures").path("samples_lost").asLong(), result.toString());
    assertTrue(result.path("figures").path("samples_accepted").asLong() > 0, result.toString());
    assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("spime-mqtt-io-")),
        "the cars ran on the HiveMQ client's shared event loops");
  }

  @Test
  void an_unknown_mqtt_client_is_refused_naming_the_choices() {
    CliRun run = CliRun.of("run", "--mqtt-client", "mosquitto", "--vehicles", "1", "--duration", "1s");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("paho or hivemq"), run.err());
  }
}
