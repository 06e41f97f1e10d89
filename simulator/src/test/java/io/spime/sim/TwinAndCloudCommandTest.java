package io.spime.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.agent.EdgeAgent;
import io.spime.broker.EmbeddedBroker;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.ConsentSet;
import io.spime.wire.Vin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwinAndCloudCommandTest {
  private static final Vin VIN = Vin.parse("1M8GDM9AXKP042788");

  @TempDir Path dir;

  @Test
  void cloud_ingests_a_car_into_the_store_and_twin_prints_it() throws Exception {
    Path store = dir.resolve("twins.db");
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      CompletableFuture<CliRun> cloud = CompletableFuture.supplyAsync(() -> CliRun.of("cloud",
          "--broker", broker.url(), "--store", store.toString(), "--every", "1s", "--for", "12s"));
      try (EdgeAgent agent = EdgeAgent.builder(VIN, broker.url(), dir.resolve("agent"))
          .consent(ConsentSet.all())
          .batchWindow(Duration.ofMillis(100))
          .ackTimeout(Duration.ofSeconds(1))
          .build()) {
        agent.start();
        agent.record("Vehicle.Speed", System.currentTimeMillis(), 42.5);
        agent.flush();
        // The cloud may subscribe after the first publish; the short ack timeout resends it.
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.stats().backlogBatches() == 0
            && agent.stats().ackedSeq() >= 1);
      }
      CliRun cloudRun = cloud.get();
      assertEquals(0, cloudRun.exitCode(), cloudRun.err());
      assertTrue(cloudRun.out().contains("applied 1 batches (1 samples)"), cloudRun.out());
    }
    CliRun twin = CliRun.of("twin", VIN.value(), "--store", store.toString());
    assertEquals(0, twin.exitCode(), twin.err());
    assertTrue(twin.out().contains("\"vin\" : \"1M8GDM9AXKP042788\""), twin.out());
    assertTrue(twin.out().matches("(?s).*Vehicle\\.Speed\\s+42\\.5 .*"), twin.out());
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
  void cloud_refuses_a_malformed_broker_url_and_share_group() {
    assertEquals(2, CliRun.of("cloud", "--broker", "localhost", "--store", "x.db").exitCode());
    assertEquals(2, CliRun.of("cloud", "--broker", "tcp://127.0.0.1:1", "--store", "x.db",
        "--share-group", "a/b").exitCode());
  }
}
