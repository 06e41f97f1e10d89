package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code spime-sim bench --capacity} end to end with a small load: the count at the end, and figures
 * that are present and agree with each other. No timing is asserted.
 */
class CapacityBenchTest {
  private static final int SAMPLES_PER_BATCH = 100;
  @TempDir Path dir;

  @Test
  void embedded_broker_into_sqlite_stores_every_published_sample_once() throws IOException {
    JsonNode result = run(List.of());
    assertEquals("embedded", result.at("/run/broker").asText());
  }

  @Test
  void external_broker_into_sqlite_when_spime_mqtt_url_is_set() throws IOException {
    String url = TestBrokers.external().orElse(null);
    Assumptions.assumeTrue(url != null, TestBrokers.ENV + " is not set");
    JsonNode result = run(List.of("--broker", url));
    assertEquals(url, result.at("/run/broker").asText());
  }

  @Test
  void embedded_broker_into_postgresql_when_spime_pg_url_is_set() throws IOException {
    Assumptions.assumeTrue(System.getenv(TestPostgres.URL_ENV) != null, TestPostgres.URL_ENV + " is not set");
    try (TestPostgres.Schema schema = TestPostgres.freshSchema()) {
      JsonNode result = run(List.of("--store", schema.url()));
      assertTrue(result.at("/run/store").asText().startsWith("jdbc:postgresql:"), result.toString());
    }
  }

  private JsonNode run(List<String> extra) throws IOException {
    Path json = dir.resolve("capacity.json");
    List<String> args = new ArrayList<>(List.of("bench", "--capacity", "--vins", "40", "--publishers",
        "2", "--duration", "2s", "--warmup", "1s", "--json", json.toString()));
    args.addAll(extra);
    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("result: OK, every published sample stored once and acked"), run.out());
    JsonNode result = new ObjectMapper().readTree(json.toFile());
    assertEquals("OK", result.get("verdict").asText());
    JsonNode check = result.get("verification");
    long published = check.get("publishedBatches").asLong();
    assertTrue(published >= 40, "every VIN sent at least one batch: " + check);
    assertEquals(published, check.get("ackedBatches").asLong(), check.toString());
    assertEquals(published * SAMPLES_PER_BATCH, check.get("expectedSamples").asLong(), check.toString());
    assertEquals(published * SAMPLES_PER_BATCH, check.get("storedSamples").asLong(), check.toString());
    assertEquals(0, check.get("missing").asLong());
    assertEquals(0, check.get("extra").asLong());
    assertEquals(0, check.get("vinsOff").asLong());
    assertTrue(check.get("allAcked").asBoolean());

    // Rates depend on how much CPU the run got (a loaded machine may commit nothing in 3 s): they
    // must be there and agree with each other, not reach any level.
    JsonNode figures = result.get("figures");
    assertTrue(figures.get("seconds").asInt() >= 1, figures.toString());
    for (String rate : new String[] {"samplesPerSecond", "batchesPerSecond", "publishedBatchesPerSecond",
        "loopbackMessagesPerSecond", "transactionsPerSecond", "storeBusyFraction"}) {
      assertTrue(figures.get(rate).asDouble() >= 0, rate + ": " + figures);
    }
    assertTrue(figures.get("minSamplesPerSecond").asDouble() <= figures.get("samplesPerSecond").asDouble());
    assertTrue(figures.get("storeBusyFraction").asDouble() <= 1, figures.toString());
    double perTransaction = figures.get("messagesPerTransaction").asDouble();
    assertTrue(perTransaction <= 500, "the ingest's group limit: " + perTransaction);
    assertEquals(figures.get("transactionsPerSecond").asDouble() > 0, perTransaction >= 1, figures.toString());
    assertOrdered(figures, "receivedToDurable");
    assertOrdered(figures, "transaction");
    assertEquals(0, figures.get("gapBatches").asLong(), "the load keeps each VIN's order");
    assertEquals(0, figures.get("rejected").asLong(), "every pre-encoded batch passes the checks");
    assertEquals(SAMPLES_PER_BATCH, result.at("/run/samplesPerBatch").asInt());
    assertTrue(run.out().contains(String.format(java.util.Locale.ROOT,
        "samples published %,d, stored %,d: missing 0, extra 0, VINs off 0",
        published * SAMPLES_PER_BATCH, published * SAMPLES_PER_BATCH)), run.out());
    return result;
  }

  private static void assertOrdered(JsonNode figures, String prefix) {
    double p50 = figures.get(prefix + "P50Millis").asDouble();
    double p99 = figures.get(prefix + "P99Millis").asDouble();
    double max = figures.get(prefix + "MaxMillis").asDouble();
    assertTrue(0 <= p50 && p50 <= p99 && p99 <= max, prefix + ": " + figures);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "--vins 10|--vins needs --capacity",
      "--publishers 2|--publishers needs --capacity",
      "--capacity --vehicles 5|--vehicles is for the run with real agents",
      "--capacity --mqtt-client hivemq|--mqtt-client is for the run with real agents",
      "--capacity --vins 0|--vins must be 1 to 100000",
      "--capacity --vins 100001|--vins must be 1 to 100000",
      "--capacity --publishers 17|--publishers must be 1 to 16",
      "--capacity --broker ssl://host:8883|--broker must be tcp://host:port",
      "--capacity --duration 0s|--duration must be 1s to 1h"
  })
  void bad_capacity_flags_get_one_line_and_exit_code_2(String flagsAndMessage) {
    String[] parts = flagsAndMessage.split("\\|");
    CliRun run = CliRun.of(("bench " + parts[0]).split(" "));

    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    String first = run.err().strip().split("\n")[0];
    assertTrue(first.startsWith("spime-sim: ") && first.contains(parts[1]), first);
    assertFalse(run.err().contains("Exception"), "no stack trace: " + run.err());
    assertEquals("", run.out(), "nothing runs");
  }
}
