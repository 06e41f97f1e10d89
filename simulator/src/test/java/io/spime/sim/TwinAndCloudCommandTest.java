package io.spime.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spime.agent.EdgeAgent;
import io.spime.broker.EmbeddedBroker;
import io.spime.testkit.TestPostgres;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.AssetId;
import io.spime.wire.state.ConsentSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwinAndCloudCommandTest {
  private static final AssetId VIN = AssetId.parse("1M8GDM9AXKP042788");

  @TempDir Path dir;

  @Test
  void cloud_ingests_a_car_into_the_store_and_twin_prints_it() throws Exception {
    ingestAndPrint(dir.resolve("twins.db").toString());
  }

  @Test
  void cloud_and_twin_take_a_postgresql_url_and_never_print_its_password() throws Exception {
    TestPostgres.unavailable().ifPresent(Assumptions::abort);
    try (TestPostgres.Schema schema = TestPostgres.freshSchema()) {
      // the tests' server trusts its clients: the password is not checked, only kept out of the output
      String url = schema.url() + "&password=hunter2";
      List<CliRun> runs = ingestAndPrint(url);
      for (CliRun run : runs) {
        assertFalse(run.out().contains("hunter2") || run.err().contains("hunter2"), run.out() + run.err());
      }
      assertTrue(runs.get(0).out().contains("password=***"), runs.get(0).out());
    }
  }

  /** Runs cloud into the store while a car sends a sample, then twin on it; returns both runs. */
  private List<CliRun> ingestAndPrint(String store) throws Exception {
    CliRun cloudRun;
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      CompletableFuture<CliRun> cloud = CompletableFuture.supplyAsync(() -> CliRun.of("cloud",
          "--broker", broker.url(), "--store", store, "--every", "1s", "--for", "20s"));
      try (EdgeAgent agent = EdgeAgent.builder(VIN, broker.url(), dir.resolve("agent"))
          .consent(ConsentSet.all())
          .batchWindow(Duration.ofMillis(100))
          .ackTimeout(Duration.ofSeconds(1))
          .build()) {
        agent.start();
        agent.record("Vehicle.Speed", System.currentTimeMillis(), 42.5);
        agent.flush();
        // The cloud may subscribe after the first publish; the short ack timeout resends it. The cloud
        // runs 20 s so that a slow start (a loaded machine, a PostgreSQL schema migrated first) still
        // leaves it time to apply and ack within the wait.
        await().atMost(Duration.ofSeconds(18)).until(() -> agent.stats().backlogBatches() == 0
            && agent.stats().ackedSeq() >= 1);
      }
      cloudRun = cloud.get();
      assertEquals(0, cloudRun.exitCode(), cloudRun.err());
      assertTrue(cloudRun.out().contains("applied 1 batches (1 samples)"), cloudRun.out());
    }
    CliRun twin = CliRun.of("twin", VIN.value(), "--store", store);
    assertEquals(0, twin.exitCode(), twin.err());
    assertTrue(twin.out().contains("\"vin\" : \"1M8GDM9AXKP042788\""), twin.out());
    JsonNode json =
        new ObjectMapper().enable(
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .readTree(twin.out()); // the whole output is one JSON document, as | jq reads it
    assertTrue(json.findValuesAsText("vin").contains(VIN.value()), twin.out());
    JsonNode speed = StreamSupport
        .stream(json.path("latestSignals").spliterator(), false)
        .filter(signal -> signal.path("path").asText().equals("Vehicle.Speed"))
        .findFirst().orElseThrow(() -> new AssertionError("no Vehicle.Speed: " + twin.out()));
    assertEquals(42.5, speed.path("value").asDouble(), 1e-9);
    assertTrue(json.path("samplesApplied").asLong() >= 1, twin.out());
    return List.of(cloudRun, twin);
  }

  @Test
  void twin_refuses_a_missing_store_a_bad_vin_and_a_bad_instant_with_exit_code_2() {
    try (TwinStore created = TwinStores.sqlite(dir.resolve("empty.db"))) {
      assertTrue(created.twin(VIN).isEmpty());
    }
    assertEquals(2, CliRun.of("twin", VIN.value(), "--store", dir.resolve("nope.db").toString()).exitCode());
    assertEquals(2, CliRun.of("twin", "SHORT", "--store", dir.resolve("empty.db").toString()).exitCode());
    assertEquals(2, CliRun.of("twin", VIN.value(), "--store", dir.resolve("empty.db").toString(),
        "--as-of", "yesterday").exitCode());
    CliRun unknown = CliRun.of("twin", VIN.value(), "--store", dir.resolve("empty.db").toString());
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.err().contains("no twin of " + VIN.value()), unknown.err());
  }

  @Test
  void cloud_does_not_start_on_a_store_file_a_crash_emptied() throws Exception {
    Path store = dir.resolve("twins.db");
    try (TwinStore twins = TwinStores.sqlite(store)) {
      // created: its marker now says a store lives here
    }
    java.nio.file.Files.write(store, new byte[0]);
    java.nio.file.Files.deleteIfExists(dir.resolve("twins.db-wal"));
    java.nio.file.Files.deleteIfExists(dir.resolve("twins.db-shm"));

    CliRun cloud = CliRun.of("cloud", "--broker", EmbeddedBroker.shared().url(), "--store", store.toString(),
        "--for", "5s");
    assertTrue(cloud.exitCode() != 0, "exit " + cloud.exitCode() + ": " + cloud.out());
    assertTrue(cloud.err().contains("is empty (0 bytes)"), cloud.err());
    assertEquals(0, java.nio.file.Files.size(store), "the emptied file was not made a new store");
  }

  @Test
  void cloud_refuses_a_malformed_broker_url_and_share_group() {
    assertEquals(2, CliRun.of("cloud", "--broker", "localhost", "--store", "x.db").exitCode());
    assertEquals(2, CliRun.of("cloud", "--broker", "tcp://127.0.0.1:1", "--store", "x.db",
        "--share-group", "a/b").exitCode());
  }

  @Test
  void cloud_refuses_a_member_without_a_share_group_or_with_a_bad_name() {
    CliRun alone = CliRun.of("cloud", "--broker", "tcp://127.0.0.1:1", "--store",
        dir.resolve("x.db").toString(), "--member", "a");
    assertEquals(2, alone.exitCode());
    assertTrue(alone.err().contains("--member needs --share-group"), alone.err());
    CliRun bad = CliRun.of("cloud", "--broker", EmbeddedBroker.shared().url(), "--store",
        dir.resolve("y.db").toString(), "--share-group", "g", "--member", "a/b");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("--member: member must be 1 to 64 of"), bad.err());
  }

  @Test
  void cloud_joins_its_share_group_under_its_member_name() {
    CliRun cloud = CliRun.of("cloud", "--broker", EmbeddedBroker.shared().url(), "--store",
        dir.resolve("twins.db").toString(), "--share-group", "g", "--member", "ingest-1", "--for", "1s",
        "--every", "1s");
    assertEquals(0, cloud.exitCode(), cloud.err());
    assertTrue(cloud.out().contains("(share group g, member ingest-1)"), cloud.out());
  }
}
