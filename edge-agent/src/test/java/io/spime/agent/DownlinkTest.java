package io.spime.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.proto.v1.CategoryConsent;
import io.spime.proto.v1.Command;
import io.spime.proto.v1.ConsentSet;
import io.spime.proto.v1.FlushNow;
import io.spime.proto.v1.SendSnapshot;
import io.spime.proto.v1.SignalRule;
import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import io.spime.wire.TopicKind;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.event.EventDetail;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.CommandOutcome;
import io.spime.wire.state.DesiredState;
import io.spime.wire.state.DriverProfile;
import io.spime.wire.state.ReportedState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownlinkTest {
  private static final TestSigning SIGNING = new TestSigning("test-cloud");
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

  private static final class RecordingSink implements ActuatorSink {
    final List<DriverProfile> applied = new CopyOnWriteArrayList<>();
    volatile boolean fail;

    @Override
    public void applyProfile(DriverProfile profile) {
      if (fail) {
        throw new IllegalStateException("seat motor jammed");
      }
      applied.add(profile);
    }
  }

  private EdgeAgent agent(AssetId vin, RecordingSink sink) {
    return SIGNING.pin(EdgeAgent.builder(vin, TestBrokers.embedded().url(), dir))
        .batchWindow(Duration.ofMillis(50)).actuator(sink)
        .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500)).build();
  }

  private static io.spime.proto.v1.DesiredState.Builder desired(AssetId vin, long version) {
    return io.spime.proto.v1.DesiredState.newBuilder().setVin(vin.value()).setVersion(version)
        .setTimeMs(System.currentTimeMillis());
  }

  private static ConsentSet consent(io.spime.proto.v1.DataCategory category, boolean granted) {
    return ConsentSet.newBuilder().addCategories(
        CategoryConsent.newBuilder().setCategory(category).setGranted(granted)).build();
  }

  private static io.spime.proto.v1.DriverProfile profile(String customer) {
    return io.spime.proto.v1.DriverProfile.newBuilder().setCustomerId(customer)
        .setSeatForeAftPercent(40).setSeatHeightPercent(50).setSeatReclinePercent(20)
        .setClimateTemperatureC(21.5).addMediaPresets("radio-1").build();
  }

  private static List<EventDetail.CommandResult> results(AssetId vin) {
    return cloud.events(vin).stream().map(e -> (EventDetail.CommandResult) e.detail()).toList();
  }

  @Test
  void consent_granted_from_the_cloud_applies_at_once_survives_a_restart_and_is_reported() {
    AssetId vin = TestVins.random();
    RecordingSink sink = new RecordingSink();
    try (EdgeAgent agent = agent(vin, sink)) {
      agent.start();
      agent.record("Vehicle.Speed", 1_000L, 50);
      assertEquals(1, agent.stats().refused(RefusalReason.NO_CONSENT));
      cloud.publish(vin, TopicKind.DESIRED, SIGNING.desiredBody(vin, 3, desired(vin, 3)
          .setConsent(consent(io.spime.proto.v1.DataCategory.DATA_CATEGORY_DRIVING_BEHAVIOUR, true))
          .build().toByteArray()));
      await().atMost(Duration.ofSeconds(10)).until(() -> !cloud.reports(vin).isEmpty());
      ReportedState report = cloud.reports(vin).get(0);
      assertEquals(3, report.desiredVersion());
      assertEquals(Optional.of(io.spime.wire.state.ConsentSet.of(DataCategory.DRIVING_BEHAVIOUR)),
          report.consent(), "the cloud's consent replaces the builder's");
      assertEquals(Optional.of(CollectionPolicy.collectEverything()), report.policy());
      assertTrue(report.softwareVersions().containsKey("spime-agent"), report.softwareVersions().toString());
      agent.record("Vehicle.Speed", 2_000L, 60);
      assertEquals(1, agent.stats().acceptedSamples());
    }
    try (EdgeAgent again = agent(vin, sink)) {
      again.start();
      again.record("Vehicle.Speed", 3_000L, 70);
      assertEquals(1, again.stats().acceptedSamples(), "consent must survive the restart");
      await().atMost(Duration.ofSeconds(10)).until(() -> cloud.samples(vin).size() == 2);
      assertEquals(3, cloud.births.stream().filter(b -> b.vin().equals(vin))
          .reduce((a, b) -> b).orElseThrow().desiredVersion());
    }
  }

  @Test
  void a_policy_from_the_cloud_filters_samples_by_deadband_and_interval() {
    AssetId vin = TestVins.random();
    try (EdgeAgent agent = agent(vin, new RecordingSink())) {
      agent.start();
      List<DesiredState> seen = new CopyOnWriteArrayList<>();
      agent.onDesired(seen::add);
      io.spime.proto.v1.CollectionPolicy policy = io.spime.proto.v1.CollectionPolicy.newBuilder()
          .setVersion(7)
          .addRules(SignalRule.newBuilder().setSignalId(8).setMode(SignalRule.Mode.MODE_ON_CHANGE).setDeadband(1.0))
          .addRules(SignalRule.newBuilder().setSignalId(9).setMode(SignalRule.Mode.MODE_PERIODIC).setMinIntervalMs(1000))
          .addRules(SignalRule.newBuilder().setSignalId(2).setMode(SignalRule.Mode.MODE_OFF))
          .build();
      cloud.publish(vin, TopicKind.DESIRED,
          SIGNING.desiredBody(vin, 1, desired(vin, 1).setPolicy(policy).build().toByteArray()));
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 1);
      double[] temperatures = {20.0, 20.5, 21.0, 21.1, 22.2, 22.0};
      for (int i = 0; i < temperatures.length; i++) {
        agent.record(8, 1_000L + i, temperatures[i]);
      }
      for (long t = 0; t < 5_000; t += 100) {
        agent.record(9, 10_000L + t, 400.0);
      }
      agent.record(9, 9_000L, 400.0); // clock jumped back: kept, not muted
      agent.record(2, 1L, 5);
      AgentStats stats = agent.stats();
      assertEquals(3 + 5 + 1, stats.acceptedSamples());
      assertEquals(3, stats.refused(RefusalReason.DEADBAND));
      assertEquals(45, stats.refused(RefusalReason.MIN_INTERVAL));
      assertEquals(1, stats.refused(RefusalReason.POLICY_OFF));
    }
    try (EdgeAgent restarted = agent(vin, new RecordingSink())) {
      restarted.start();
      restarted.record(2, 2L, 5);
      restarted.record(8, 3_000L, 20.0);
      restarted.record(8, 3_001L, 20.5);
      assertEquals(1, restarted.stats().refused(RefusalReason.POLICY_OFF), "the policy survives a restart");
      assertEquals(1, restarted.stats().refused(RefusalReason.DEADBAND));
    }
  }

  @Test
  void commands_flush_snapshot_and_apply_profile_are_answered_with_results() {
    AssetId vin = TestVins.random();
    RecordingSink sink = new RecordingSink();
    try (EdgeAgent agent = agent(vin, sink)) {
      agent.start();
      List<CommandOutcome> outcomes = new CopyOnWriteArrayList<>();
      agent.onCommand((command, outcome) -> outcomes.add(outcome));
      agent.record(2, 1_000L, 12_345);
      agent.record(7, 1_000L, 97.5);
      await().atMost(Duration.ofSeconds(10)).until(() -> agent.stats().connected());
      long now = System.currentTimeMillis();
      cloud.publish(vin, TopicKind.COMMAND, SIGNING.commandBody(vin, "c-1",
          Command.newBuilder().setVin(vin.value()).setCommandId("c-1")
          .setExpiresMs(now + 60_000).setFlushNow(FlushNow.getDefaultInstance()).build().toByteArray()));
      cloud.publish(vin, TopicKind.COMMAND, SIGNING.commandBody(vin, "c-2",
          Command.newBuilder().setVin(vin.value()).setCommandId("c-2")
          .setSendSnapshot(SendSnapshot.getDefaultInstance()).build().toByteArray()));
      cloud.publish(vin, TopicKind.COMMAND, SIGNING.commandBody(vin, "c-3",
          Command.newBuilder().setVin(vin.value()).setCommandId("c-3")
          .setApplyProfile(profile("cust-9")).build().toByteArray()));
      cloud.publish(vin, TopicKind.COMMAND, SIGNING.commandBody(vin, "c-4",
          Command.newBuilder().setVin(vin.value()).setCommandId("c-4")
          .setExpiresMs(now - 1).setFlushNow(FlushNow.getDefaultInstance()).build().toByteArray()));
      await().atMost(Duration.ofSeconds(10)).until(() -> cloud.events(vin).size() == 4);
      List<EventDetail.CommandResult> results = results(vin);
      assertEquals(List.of("c-1", "c-2", "c-3", "c-4"),
          results.stream().map(EventDetail.CommandResult::commandId).toList());
      assertEquals(CommandOutcome.Status.APPLIED, results.get(0).outcome().status());
      assertEquals("2 signals", results.get(1).outcome().message());
      assertEquals(CommandOutcome.Status.APPLIED, results.get(2).outcome().status());
      assertEquals(CommandOutcome.Status.EXPIRED, results.get(3).outcome().status());
      assertTrue(cloud.events(vin).stream().allMatch(e -> e.priority() == Priority.HIGH
          && e.category() == DataCategory.VEHICLE_HEALTH));
      assertEquals("cust-9", sink.applied.get(0).customerId());
      await().atMost(Duration.ofSeconds(10)).until(() -> cloud.samples(vin).size() == 4);
      assertEquals(4, outcomes.size());
    }
  }

  @Test
  void malformed_oversized_and_foreign_downlink_messages_are_rejected_and_the_agent_keeps_going() {
    AssetId vin = TestVins.random();
    RecordingSink sink = new RecordingSink();
    sink.fail = true;
    try (EdgeAgent agent = agent(vin, sink)) {
      agent.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> agent.stats().connected());
      cloud.publish(vin, TopicKind.DESIRED, new byte[] {(byte) 0xff, 0x01, 0x02});
      cloud.publish(vin, TopicKind.COMMAND, new byte[70_000]);
      cloud.publish(vin, TopicKind.DESIRED,
          SIGNING.desiredBody(vin, 5, desired(TestVins.random(), 5).build().toByteArray()));
      cloud.publish(vin, TopicKind.DESIRED, SIGNING.desiredBody(vin, 6, desired(vin, 6)
          .setPolicy(io.spime.proto.v1.CollectionPolicy.newBuilder()
              .addRules(SignalRule.newBuilder().setSignalId(4_000))).build().toByteArray()));
      cloud.publish(vin, TopicKind.COMMAND, SIGNING.commandBody(vin, "bad-1",
          Command.newBuilder().setVin(vin.value()).setCommandId("bad-1")
          .build().toByteArray()));
      cloud.publish(vin, TopicKind.COMMAND, SIGNING.commandBody(vin, "p-1",
          Command.newBuilder().setVin(vin.value()).setCommandId("p-1")
          .setApplyProfile(profile("cust-1")).build().toByteArray()));
      await().atMost(Duration.ofSeconds(10)).until(() -> cloud.events(vin).size() == 2);
      assertEquals(5, agent.stats().downlinkRejected());
      assertEquals(1, agent.stats().downlinkRefused(DownlinkRefusal.UNSIGNED));
      assertEquals(4, agent.stats().downlinkRefused(DownlinkRefusal.MALFORMED));
      EventDetail.CommandResult rejected = results(vin).get(0);
      assertEquals("bad-1", rejected.commandId());
      assertEquals(CommandOutcome.Status.REJECTED, rejected.outcome().status());
      assertEquals("command bad-1 for " + vin + " asks for nothing this version knows",
          rejected.outcome().message());
      EventDetail.CommandResult failed = results(vin).get(1);
      assertEquals(CommandOutcome.Status.FAILED, failed.outcome().status());
      assertTrue(failed.outcome().message().contains("seat motor jammed"), failed.outcome().message());
      agent.record(2, 5_000L, 1);
      await().atMost(Duration.ofSeconds(10)).until(() -> cloud.samples(vin).size() == 1);
    }
  }

  @Test
  void raised_events_reach_the_cloud_and_events_without_consent_never_leave() {
    AssetId vin = TestVins.random();
    try (EdgeAgent agent = agent(vin, new RecordingSink())) {
      agent.start();
      agent.raise(VehicleEvent.of(new EventDetail.Dtc("P0301", "ECM", true, "misfire"), 1_000L));
      agent.raise(VehicleEvent.of(new EventDetail.Crash(8.5, true), 2_000L));
      agent.raise(VehicleEvent.of(new EventDetail.Ignition(true), 3_000L)); // USAGE: no consent
      await().atMost(Duration.ofSeconds(10)).until(() -> cloud.events(vin).size() == 2);
      assertEquals(1, agent.stats().eventsRefused());
      assertEquals(2, agent.stats().eventsRaised());
      assertEquals(new EventDetail.Dtc("P0301", "ECM", true, "misfire"), cloud.events(vin).stream()
          .map(VehicleEvent::detail).filter(d -> d instanceof EventDetail.Dtc).findFirst().orElseThrow());
      assertTrue(cloud.events(vin).stream().noneMatch(e -> e.detail() instanceof EventDetail.Ignition));
      assertEquals(List.of(), cloud.rejected, "the strict wire decoders refused what the agent sent");
    }
  }
}
