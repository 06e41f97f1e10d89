package io.spime.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.broker.EmbeddedBroker;
import io.spime.testkit.TestVins;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.telemetry.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker restart while the agent records: nothing lost or doubled, and the agent is back quickly. */
class BrokerRestartTest {
  private static final Duration BACKOFF_CAP = Duration.ofSeconds(1);
  private static EmbeddedBroker broker;
  private static TestCloud cloud;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    broker = EmbeddedBroker.start();
    cloud = new TestCloud(broker.url(), SignalCatalog.builtIn());
  }

  @AfterAll
  static void stop() {
    cloud.close();
    broker.close();
  }

  private EdgeAgent agent(AssetId vin, String url) {
    return EdgeAgent.builder(vin, url, dir)
        .batchWindow(Duration.ofMillis(100))
        .reconnectBackoff(Duration.ofMillis(50), BACKOFF_CAP)
        .keepAlive(Duration.ofSeconds(1))
        .connectTimeout(Duration.ofSeconds(1))
        .ackTimeout(Duration.ofSeconds(1))
        .build();
  }

  private static void assertExactlyOnceInOrder(AssetId vin, long accepted) {
    await().atMost(Duration.ofSeconds(30)).until(() -> cloud.samples(vin).size() >= accepted);
    List<Sample> got = cloud.samples(vin);
    assertEquals(accepted, got.size(), "every accepted sample once, no more");
    for (int n = 0; n < got.size(); n++) {
      assertEquals(SteadyRecorder.T0 + n, got.get(n).timeMillis(), "in recording order");
    }
  }

  @Test
  void a_broker_restart_loses_nothing_and_the_agent_is_back_within_the_backoff_bound() throws Exception {
    AssetId vin = TestVins.random();
    long accepted;
    try (EdgeAgent agent = agent(vin, broker.url())) {
      agent.start();
      try (SteadyRecorder recorder = new SteadyRecorder(agent, 2_000)) {
        await().atMost(Duration.ofSeconds(15)).until(() -> cloud.samples(vin).size() > 500);
        broker.restart();
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(15)).until(() -> agent.stats().reconnects() >= 1 && agent.stats().connected());
        long tookMillis = (System.nanoTime() - back) / 1_000_000;
        assertTrue(tookMillis <= BACKOFF_CAP.toMillis() + 2_000,
            "reconnected " + tookMillis + " ms after the broker was back; cap is " + BACKOFF_CAP);
      }
      accepted = agent.stats().acceptedSamples();
      agent.flush();
      assertExactlyOnceInOrder(vin, accepted);
      await().atMost(Duration.ofSeconds(10)).until(() -> agent.stats().backlogBatches() == 0);
    }
  }
}
