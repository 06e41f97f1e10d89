package io.spime.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.ClosedPort;
import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.state.ConsentSet;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeAgentDeliveryTest {
  private static TestCloud cloud;

  @TempDir Path dir;

  @BeforeAll
  static void startCloud() {
    cloud = new TestCloud(TestBrokers.embedded().url(), SignalCatalog.builtIn());
  }

  @AfterAll
  static void stopCloud() {
    cloud.close();
  }

  private EdgeAgentBuilder agent(AssetId vin, Path data) {
    return EdgeAgent.builder(vin, TestBrokers.embedded().url(), data)
        .batchWindow(Duration.ofMillis(100))
        .consent(ConsentSet.all())
        .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
  }

  @Test
  void delivers_every_recorded_sample_to_the_cloud_once_and_in_order() {
    AssetId vin = TestVins.random();
    try (EdgeAgent agent = agent(vin, dir).build()) {
      agent.start();
      for (int i = 0; i < 2_000; i++) {
        agent.record("Vehicle.Speed", 1_700_000_000_000L + i * 10L, i % 250);
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> cloud.samples(vin).size() == 2_000);
      await().atMost(Duration.ofSeconds(10)).until(() -> agent.stats().backlogBatches() == 0);
      List<Sample> got = cloud.samples(vin);
      for (int i = 0; i < 2_000; i++) {
        assertEquals(1_700_000_000_000L + i * 10L, got.get(i).timeMillis());
        assertEquals(new SignalValue.Number(i % 250), got.get(i).value());
      }
      AgentStats stats = agent.stats();
      assertEquals(2_000, stats.acceptedSamples());
      assertEquals(stats.ackedSeq(), cloud.stream(vin, stats.streamId()).durable);
      assertTrue(stats.connected());
    }
  }

  @Test
  void broker_ack_mode_empties_the_outbox_on_puback_alone() {
    AssetId vin = TestVins.random();
    cloud.acking = false;
    try (EdgeAgent agent = agent(vin, dir).ackMode(AckMode.BROKER).build()) {
      agent.start();
      for (int i = 0; i < 500; i++) {
        agent.record(2, 1_700_000_000_000L + i, i);
      }
      agent.flush();
      await().atMost(Duration.ofSeconds(20)).until(() -> cloud.samples(vin).size() == 500);
      await().atMost(Duration.ofSeconds(10)).until(() -> agent.stats().backlogBatches() == 0);
      assertTrue(agent.stats().ackedSeq() >= 1);
    } finally {
      cloud.acking = true;
    }
  }

  @Test
  void cloud_ack_mode_keeps_rows_until_the_cloud_acknowledges_them() {
    AssetId vin = TestVins.random();
    cloud.acking = false;
    try (EdgeAgent agent = agent(vin, dir).build()) {
      agent.start();
      for (int i = 0; i < 100; i++) {
        agent.record(2, 1_700_000_000_000L + i, i);
      }
      agent.flush();
      await().atMost(Duration.ofSeconds(20)).until(() -> cloud.samples(vin).size() == 100);
      await().atMost(Duration.ofSeconds(5)).until(() -> agent.stats().messagesSent() >= 1);
      assertEquals(0, agent.stats().ackedSeq());
      assertTrue(agent.stats().backlogBatches() >= 1);
      cloud.acking = true;
      agent.record(2, 1_700_000_001_000L, 1000);
      agent.flush();
      await().atMost(Duration.ofSeconds(20)).until(() -> agent.stats().backlogBatches() == 0);
      assertEquals(101, cloud.samples(vin).size());
    } finally {
      cloud.acking = true;
    }
  }

  @Test
  void without_acks_the_resends_come_further_and_further_apart_and_an_ack_ends_them() {
    AssetId vin = TestVins.random();
    cloud.acking = false;
    try (EdgeAgent agent = agent(vin, dir).ackTimeout(Duration.ofMillis(200)).build()) {
      agent.start();
      agent.record(2, 1_700_000_000_000L, 1);
      agent.flush();
      await().atMost(Duration.ofSeconds(20)).until(() -> agent.stats().messagesSent() >= 1);
      long first = agent.stats().messagesSent();
      LockSupport.parkNanos(Duration.ofMillis(3_500).toNanos());
      // resends 0.2, 0.6, 1.4 and 3.0 s after the first send; every 0.2 s would be 17
      long resends = agent.stats().messagesSent() - first;
      assertTrue(resends >= 2 && resends <= 6, "resends in 3.5 s without an ack: " + resends);
      cloud.acking = true;
      await().atMost(Duration.ofSeconds(10)).until(() -> agent.stats().backlogBatches() == 0);
      assertEquals(1, cloud.samples(vin).size());
    } finally {
      cloud.acking = true;
    }
  }

  @Test
  void a_thousand_agents_can_share_one_small_scheduler() throws Exception {
    ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);
    try {
      AssetId vin = TestVins.random();
      try (EdgeAgent agent = agent(vin, dir).scheduler(pool).build()) {
        agent.start();
        agent.record("Vehicle.TraveledDistance", 1_700_000_000_000L, 42);
        await().atMost(Duration.ofSeconds(20)).until(() -> cloud.samples(vin).size() == 1);
      }
      assertFalse(pool.isShutdown(), "the agent must not shut down a pool it was given");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void start_does_not_fail_when_the_broker_is_unreachable_and_record_keeps_working() {
    AssetId vin = TestVins.random();
    String closed = "tcp://127.0.0.1:" + ClosedPort.find();
    try (EdgeAgent agent = EdgeAgent.builder(vin, closed, dir)
        .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100)).build()) {
      agent.start();
      agent.record("Vehicle.TraveledDistance", 1_700_000_000_000L, 42);
      agent.flush();
      AgentStats stats = agent.stats();
      assertFalse(stats.connected());
      assertEquals(1, stats.acceptedSamples());
      assertEquals(1, stats.backlogBatches());
    }
  }
}
