package io.spime.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TcpProxy;
import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.telemetry.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cut link and a black-holed link (a TCP proxy in the test) while the agent records: nothing lost or doubled. */
class NetworkFaultTest {
  private static final Duration BACKOFF_CAP = Duration.ofSeconds(1);
  private static TcpProxy proxy;
  private static TestCloud cloud;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    proxy = new TcpProxy(TestBrokers.embedded().port());
    cloud = new TestCloud(TestBrokers.embedded().url(), SignalCatalog.builtIn());
  }

  @AfterAll
  static void stop() {
    cloud.close();
    proxy.close();
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

  /** Keeps a fault in place for a while; the agent goes on recording meanwhile. */
  private static void hold(Duration duration) {
    LockSupport.parkNanos(duration.toNanos());
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
  void a_cut_link_loses_nothing() throws Exception {
    AssetId vin = TestVins.random();
    try (EdgeAgent agent = agent(vin, proxy.url())) {
      agent.start();
      try (SteadyRecorder recorder = new SteadyRecorder(agent, 2_000)) {
        await().atMost(Duration.ofSeconds(15)).until(() -> cloud.samples(vin).size() > 500);
        proxy.mode(TcpProxy.Mode.CUT);
        await().atMost(Duration.ofSeconds(5)).until(() -> !agent.stats().connected());
        hold(Duration.ofSeconds(1));
        proxy.mode(TcpProxy.Mode.FORWARD);
        await().atMost(Duration.ofSeconds(15)).until(() -> agent.stats().connected());
      }
      agent.flush();
      assertExactlyOnceInOrder(vin, agent.stats().acceptedSamples());
      assertTrue(agent.stats().reconnects() >= 1);
    }
  }

  @Test
  void a_black_holed_link_is_noticed_by_keep_alive_and_loses_nothing() throws Exception {
    AssetId vin = TestVins.random();
    try (EdgeAgent agent = agent(vin, proxy.url())) {
      agent.start();
      try (SteadyRecorder recorder = new SteadyRecorder(agent, 2_000)) {
        await().atMost(Duration.ofSeconds(15)).until(() -> cloud.samples(vin).size() > 500);
        proxy.mode(TcpProxy.Mode.BLACK_HOLE);
        await().atMost(Duration.ofSeconds(10)).until(() -> !agent.stats().connected());
        hold(Duration.ofSeconds(1));
        proxy.mode(TcpProxy.Mode.FORWARD);
        await().atMost(Duration.ofSeconds(15)).until(() -> agent.stats().connected());
      }
      agent.flush();
      assertExactlyOnceInOrder(vin, agent.stats().acceptedSamples());
    } finally {
      proxy.mode(TcpProxy.Mode.FORWARD);
    }
  }
}
