package io.spime.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.ClosedPort;
import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.wire.Priority;
import io.spime.wire.AssetId;
import io.spime.wire.event.EventDetail;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.ConsentSet;
import io.spime.wire.state.SignalRule;
import io.spime.wire.telemetry.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bounded outbox evicts only as documented, counts every loss exactly, and never drops CRITICAL. */
class OutboxFullTest {
  private static final int LOW = 9;        // Vehicle.Powertrain.TractionBattery.CurrentVoltage
  private static final int NORMAL = 8;     // ...Temperature.Average
  private static final int CRITICAL = TestCatalogs.TEXT; // a text signal, made CRITICAL by policy
  private static final int ROW = 1_000;
  private static final long T0 = 1_700_000_000_000L;
  private static TestCloud cloud;

  @TempDir Path dir;
  private final Random random = new Random(42);

  @BeforeAll
  static void startCloud() {
    cloud = new TestCloud(TestBrokers.embedded().url(), TestCatalogs.extended());
  }

  @AfterAll
  static void stopCloud() {
    cloud.close();
  }

  private EdgeAgentBuilder agent(AssetId vin, String url) {
    return EdgeAgent.builder(vin, url, dir)
        .catalog(TestCatalogs.extended())
        .consent(ConsentSet.all())
        .policy(new CollectionPolicy(1, Map.of(CRITICAL, SignalRule.everySample().withPriority(Priority.CRITICAL))))
        .maxInFlight(4)
        .outboxMaxBytes(64 * 1024)
        .batchWindow(Duration.ofHours(1))
        .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
  }

  /** Records {@code count} CRITICAL texts of 3,000 characters (about 3 KB each on the wire). */
  private void critical(EdgeAgent agent, int count) {
    for (int i = 0; i < count; i++) {
      agent.record(CRITICAL, T0 + i, Character.toString('a' + i % 26).repeat(3_000));
    }
    agent.flush();
  }

  /** Records one row of ROW samples of a signal, numbered from row * ROW, and seals it. */
  private void row(EdgeAgent agent, int signal, int row) {
    for (int i = 0; i < ROW; i++) {
      agent.record(signal, T0 + (long) row * ROW + i, random.nextInt(10_000) * 0.1);
    }
    agent.flush();
  }

  @Test
  void lower_priorities_are_evicted_oldest_first_and_every_lost_sample_is_counted() {
    AssetId vin = TestVins.random();
    String offline = "tcp://127.0.0.1:" + ClosedPort.find();
    long accepted;
    long evictedLow;
    long evictedNormal;
    try (EdgeAgent agent = agent(vin, offline).build()) {
      agent.start();
      for (int r = 0; r < 40; r++) {
        row(agent, LOW, r);
      }
      long lowRowsKept = agent.stats().backlogBatches();
      assertTrue(lowRowsKept < 40, "40 rows of ~2 KB must not fit in 64 KB");
      assertEquals((40 - lowRowsKept) * ROW, agent.stats().evicted(Priority.LOW));
      for (int r = 0; r < 40; r++) {
        row(agent, NORMAL, r);
      }
      critical(agent, 10);
      AgentStats stats = agent.stats();
      accepted = stats.acceptedSamples();
      evictedLow = stats.evicted(Priority.LOW);
      evictedNormal = stats.evicted(Priority.NORMAL);
      assertEquals(40 * ROW, evictedLow, "every LOW row gives way to NORMAL and CRITICAL");
      assertTrue(evictedNormal > 0 && evictedNormal < 40 * ROW, "some NORMAL rows remain: " + evictedNormal);
      assertEquals(0, evictedNormal % ROW, "whole rows are evicted");
      assertEquals(0, stats.evicted(Priority.CRITICAL));
      assertEquals(80 * ROW + 10, accepted);
      assertEquals(0, stats.refusedSamples());
      assertTrue(stats.backlogBytes() <= 64 * 1024, "within the limit: " + stats.backlogBytes());
    }
    try (EdgeAgent online = agent(vin, TestBrokers.embedded().url()).build()) {
      online.start();
      long expected = accepted - evictedLow - evictedNormal;
      await().atMost(Duration.ofSeconds(30)).until(() -> cloud.samples(vin).size() == expected);
      List<Sample> got = cloud.samples(vin);
      for (int i = 0; i < 10; i++) {
        assertEquals(CRITICAL, got.get(i).signalId(), "CRITICAL goes first");
        assertEquals(T0 + i, got.get(i).timeMillis());
      }
      for (int i = 10; i < got.size(); i++) {
        assertEquals(NORMAL, got.get(i).signalId());
        assertEquals(T0 + evictedNormal + (i - 10), got.get(i).timeMillis(), "the newest NORMAL rows are kept");
      }
    }
  }

  @Test
  void when_only_critical_data_remains_lower_priority_samples_and_events_are_refused_and_counted() {
    AssetId vin = TestVins.random();
    try (EdgeAgent agent = agent(vin, "tcp://127.0.0.1:" + ClosedPort.find()).build()) {
      agent.start();
      row(agent, NORMAL, 0);
      critical(agent, 30);
      AgentStats full = agent.stats();
      assertEquals(ROW, full.evicted(Priority.NORMAL));
      assertTrue(full.backlogBytes() > 64 * 1024, "CRITICAL is kept even above the byte limit");
      for (int i = 0; i < 7; i++) {
        agent.record(LOW, T0 + i, 1.0);
        agent.record(NORMAL, T0 + i, 1.0);
      }
      agent.raise(VehicleEvent.of(new EventDetail.Dtc("P0420", "ECM", true, "catalyst"), T0));
      agent.record(CRITICAL, T0 + 99_999, "still kept");
      agent.raise(VehicleEvent.of(new EventDetail.Crash(9.0, true), T0));
      AgentStats stats = agent.stats();
      assertEquals(14, stats.refused(RefusalReason.OUTBOX_FULL));
      assertEquals(1, stats.eventsRefused());
      assertEquals(1, stats.eventsRaised());
      assertEquals(ROW + 31, stats.acceptedSamples());
    }
  }
}
