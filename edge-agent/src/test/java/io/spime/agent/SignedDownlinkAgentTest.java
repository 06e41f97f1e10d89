package io.spime.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.wire.DataCategory;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.state.Command;
import io.spime.wire.state.ConsentSet;
import io.spime.wire.state.DesiredState;
import io.spime.wire.state.StateCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent accepts desired state and commands only when signed by a pinned key of the cloud, for
 * this car, unexpired and not replayed; every refusal is counted by reason. Against every test
 * broker (the embedded one, and Mosquitto when SPIME_MQTT_URL is set).
 */
class SignedDownlinkAgentTest {
  private static final TestSigning CLOUD = new TestSigning("cloud-1");
  private static final TestSigning NEXT = new TestSigning("cloud-2");
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  static List<String> brokers() {
    return TestBrokers.all();
  }

  private EdgeAgent agent(String broker, AssetId vin, TestSigning... pinned) {
    EdgeAgentBuilder builder = EdgeAgent.builder(vin, broker, dir).batchWindow(Duration.ofMillis(50))
        .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
    for (TestSigning key : pinned) {
      key.pin(builder);
    }
    return builder.build();
  }

  private static DesiredState consentTo(long version, DataCategory... categories) {
    return new DesiredState(version, Optional.empty(), Optional.of(ConsentSet.of(categories)),
        Optional.empty());
  }

  private static Command flush(String id) {
    long now = System.currentTimeMillis();
    return new Command(id, Command.Kind.FLUSH_NOW, now, now + 600_000, Optional.empty());
  }

  /** Publishes as an MQTT client the cloud knows nothing of. */
  private static void intrude(String broker, AssetId vin, TopicKind kind, byte[] payload, boolean retain) {
    try (MqttTransport intruder = MqttTransports.paho(MqttSettings.builder(broker,
        "intruder-" + UUID.randomUUID()).cleanStart(true).build(), (topic, bytes) -> { })) {
      intruder.connect();
      intruder.publish(Topics.of(vin, kind), payload, 1, retain).join();
      intruder.disconnect();
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void a_retained_desired_state_from_an_unknown_client_widening_consent_is_refused_and_no_location_leaves(
      String broker) {
    AssetId vin = TestVins.random();
    byte[] everything = StateCodec.encode(vin, new DesiredState(99, Optional.empty(),
        Optional.of(ConsentSet.all()), Optional.empty()), System.currentTimeMillis());
    intrude(broker, vin, TopicKind.DESIRED, everything, true);
    try (TestCloud cloud = new TestCloud(broker, SignalCatalog.builtIn());
        EdgeAgent agent = agent(broker, vin, CLOUD)) {
      agent.start();
      await().atMost(WAIT).until(() -> agent.stats().downlinkRefused(DownlinkRefusal.UNSIGNED) == 1);
      agent.record("Vehicle.CurrentLocation.Latitude", 1_000L, 48.137);
      agent.record("Vehicle.CurrentLocation.Longitude", 1_000L, 11.575);
      agent.record("Vehicle.TraveledDistance", 1_001L, 12_345);
      await().atMost(WAIT).until(() -> cloud.samples(vin).size() == 1);

      assertEquals(2, agent.stats().refused(RefusalReason.NO_CONSENT));
      assertEquals(2, cloud.samples(vin).get(0).signalId(), "only the odometer may leave the car");
      assertEquals(List.of(), cloud.reports(vin), "nothing was applied, so nothing is reported");
      assertEquals(1, agent.stats().downlinkRejected());
    } finally {
      intrude(broker, vin, TopicKind.DESIRED, new byte[0], true);
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void forged_unknown_key_unsigned_other_car_and_wrong_kind_are_each_refused_and_counted(String broker) {
    AssetId vin = TestVins.random();
    DesiredState everything = consentTo(5, DataCategory.values());
    TestSigning forger = new TestSigning("cloud-1");
    try (TestCloud cloud = new TestCloud(broker, SignalCatalog.builtIn());
        EdgeAgent agent = agent(broker, vin, CLOUD)) {
      agent.start();
      await().atMost(WAIT).until(() -> agent.stats().connected());
      cloud.publish(vin, TopicKind.DESIRED, forger.desired(vin, everything));
      cloud.publish(vin, TopicKind.DESIRED, NEXT.desired(vin, everything));
      cloud.publish(vin, TopicKind.DESIRED, StateCodec.encode(vin, everything, System.currentTimeMillis()));
      cloud.publish(vin, TopicKind.DESIRED, CLOUD.desired(TestVins.random(), everything));
      cloud.publish(vin, TopicKind.DESIRED, CLOUD.command(vin, flush("c-on-desired")));
      cloud.publish(vin, TopicKind.COMMAND, forger.command(vin, flush("c-forged")));
      await().atMost(WAIT).until(() -> agent.stats().downlinkRejected() == 6);

      AgentStats stats = agent.stats();
      assertEquals(2, stats.downlinkRefused(DownlinkRefusal.BAD_SIGNATURE));
      assertEquals(1, stats.downlinkRefused(DownlinkRefusal.UNKNOWN_KEY));
      assertEquals(1, stats.downlinkRefused(DownlinkRefusal.UNSIGNED));
      assertEquals(1, stats.downlinkRefused(DownlinkRefusal.WRONG_VIN));
      assertEquals(1, stats.downlinkRefused(DownlinkRefusal.WRONG_KIND));
      agent.record("Vehicle.CurrentLocation.Latitude", 1_000L, 48.137);
      assertEquals(1, agent.stats().refused(RefusalReason.NO_CONSENT), "consent is unchanged");
      assertEquals(List.of(), cloud.events(vin), "no command was executed or answered");
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void a_signed_desired_state_is_applied_and_an_older_version_replayed_is_refused_also_after_a_restart(
      String broker) {
    AssetId vin = TestVins.random();
    byte[] v1 = CLOUD.desired(vin, consentTo(1, DataCategory.VEHICLE_HEALTH));
    byte[] v2 = CLOUD.desired(vin, consentTo(2, DataCategory.VEHICLE_HEALTH, DataCategory.LOCATION));
    byte[] v3 = CLOUD.desired(vin, consentTo(3, DataCategory.VEHICLE_HEALTH, DataCategory.LOCATION));
    try (TestCloud cloud = new TestCloud(broker, SignalCatalog.builtIn())) {
      try (EdgeAgent agent = agent(broker, vin, CLOUD)) {
        agent.start();
        await().atMost(WAIT).until(() -> agent.stats().connected());
        cloud.publish(vin, TopicKind.DESIRED, v1);
        cloud.publish(vin, TopicKind.DESIRED, v2);
        await().atMost(WAIT).until(() -> cloud.reports(vin).size() == 2);
        cloud.publish(vin, TopicKind.DESIRED,
            CLOUD.desired(vin, consentTo(2, DataCategory.VEHICLE_HEALTH, DataCategory.LOCATION)));
        cloud.publish(vin, TopicKind.DESIRED, v1);
        cloud.publish(vin, TopicKind.DESIRED, v3);
        await().atMost(WAIT).until(() -> cloud.reports(vin).size() == 3);
        assertEquals(1, agent.stats().downlinkRefused(DownlinkRefusal.REPLAYED),
            "v1 is a replay; v2 signed again by the cloud (after a birth, say) is not");
        agent.record("Vehicle.CurrentLocation.Latitude", 1_000L, 48.137);
        assertEquals(1, agent.stats().acceptedSamples(), "v3's consent to location holds");
      }
      try (EdgeAgent restarted = agent(broker, vin, CLOUD)) {
        restarted.start();
        await().atMost(WAIT).until(() -> restarted.stats().connected());
        cloud.publish(vin, TopicKind.DESIRED, v2);
        await().atMost(WAIT).until(() -> restarted.stats().downlinkRefused(DownlinkRefusal.REPLAYED) == 1);
        restarted.record("Vehicle.CurrentLocation.Latitude", 2_000L, 48.138);
        assertEquals(1, restarted.stats().acceptedSamples(), "the replayed v2 changed nothing");
        assertEquals(3, cloud.reports(vin).get(cloud.reports(vin).size() - 1).desiredVersion());
      }
    } finally {
      intrude(broker, vin, TopicKind.DESIRED, new byte[0], true);
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void a_replayed_command_and_an_expired_one_are_refused_and_counted_also_after_a_restart(String broker) {
    AssetId vin = TestVins.random();
    byte[] flush = CLOUD.command(vin, flush("c-1"));
    long now = System.currentTimeMillis();
    byte[] expired = CLOUD.command(vin,
        new Command("c-old", Command.Kind.FLUSH_NOW, now - 120_000, now - 60_000, Optional.empty()));
    try (TestCloud cloud = new TestCloud(broker, SignalCatalog.builtIn())) {
      try (EdgeAgent agent = agent(broker, vin, CLOUD)) {
        agent.start();
        await().atMost(WAIT).until(() -> agent.stats().connected());
        cloud.publish(vin, TopicKind.COMMAND, flush);
        await().atMost(WAIT).until(() -> cloud.events(vin).size() == 1);
        cloud.publish(vin, TopicKind.COMMAND, flush);
        cloud.publish(vin, TopicKind.COMMAND, expired);
        await().atMost(WAIT).until(() -> agent.stats().downlinkRefused(DownlinkRefusal.REPLAYED) == 2);
      }
      try (EdgeAgent restarted = agent(broker, vin, CLOUD)) {
        restarted.start();
        await().atMost(WAIT).until(() -> restarted.stats().connected());
        cloud.publish(vin, TopicKind.COMMAND, flush);
        await().atMost(WAIT).until(() -> restarted.stats().downlinkRefused(DownlinkRefusal.REPLAYED) == 1);
        cloud.publish(vin, TopicKind.COMMAND, CLOUD.command(vin, flush("c-2")));
        await().atMost(WAIT).until(() -> cloud.events(vin).size() == 2);
        assertEquals(List.of("c-1", "c-2"), cloud.events(vin).stream()
            .map(e -> ((io.spime.wire.event.EventDetail.CommandResult) e.detail()).commandId()).toList());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void during_a_key_rotation_both_keys_are_accepted_and_once_unpinned_the_old_key_is_refused(String broker) {
    AssetId vin = TestVins.random();
    try (TestCloud cloud = new TestCloud(broker, SignalCatalog.builtIn())) {
      try (EdgeAgent agent = agent(broker, vin, CLOUD, NEXT)) {
        agent.start();
        await().atMost(WAIT).until(() -> agent.stats().connected());
        cloud.publish(vin, TopicKind.DESIRED, CLOUD.desired(vin, consentTo(1, DataCategory.USAGE)));
        await().atMost(WAIT).until(() -> cloud.reports(vin).size() == 1);
        cloud.publish(vin, TopicKind.DESIRED, NEXT.desired(vin, consentTo(2, DataCategory.LOCATION)));
        cloud.publish(vin, TopicKind.COMMAND, NEXT.command(vin, flush("c-new-key")));
        await().atMost(WAIT).until(() -> cloud.reports(vin).size() == 2 && cloud.events(vin).size() == 1);
        assertEquals(0, agent.stats().downlinkRejected());
      }
      try (EdgeAgent unpinned = agent(broker, vin, NEXT)) {
        unpinned.start();
        await().atMost(WAIT).until(() -> unpinned.stats().connected());
        cloud.publish(vin, TopicKind.DESIRED, CLOUD.desired(vin, consentTo(3, DataCategory.values())));
        cloud.publish(vin, TopicKind.COMMAND, CLOUD.command(vin, flush("c-old-key")));
        await().atMost(WAIT).until(() -> unpinned.stats().downlinkRefused(DownlinkRefusal.UNKNOWN_KEY) == 2);
        cloud.publish(vin, TopicKind.DESIRED, NEXT.desired(vin, consentTo(4, DataCategory.USAGE)));
        await().atMost(WAIT).until(() -> cloud.reports(vin).size() == 3);
        assertEquals(4, cloud.reports(vin).get(2).desiredVersion());
        assertEquals(1, cloud.events(vin).size(), "the command signed with the old key never ran");
      }
    } finally {
      intrude(broker, vin, TopicKind.DESIRED, new byte[0], true);
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void without_pinned_keys_desired_state_and_commands_are_refused_not_trusted(String broker) {
    AssetId vin = TestVins.random();
    try (TestCloud cloud = new TestCloud(broker, SignalCatalog.builtIn());
        EdgeAgent agent = agent(broker, vin)) {
      agent.start();
      await().atMost(WAIT).until(() -> agent.stats().connected());
      cloud.publish(vin, TopicKind.DESIRED, CLOUD.desired(vin, consentTo(1, DataCategory.values())));
      cloud.publish(vin, TopicKind.COMMAND, CLOUD.command(vin, flush("c-1")));
      await().atMost(WAIT).until(() -> agent.stats().downlinkRefused(DownlinkRefusal.NO_PINNED_KEYS) == 2);
      agent.record("Vehicle.CurrentLocation.Latitude", 1_000L, 48.137);
      assertEquals(1, agent.stats().refused(RefusalReason.NO_CONSENT));
      assertEquals(List.of(), cloud.reports(vin));
    } finally {
      intrude(broker, vin, TopicKind.DESIRED, new byte[0], true);
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void an_authentic_command_this_version_cannot_read_is_answered_rejected(String broker) {
    AssetId vin = TestVins.random();
    byte[] noKind = io.spime.proto.v1.Command.newBuilder().setVin(vin.value()).setCommandId("c-future")
        .setExpiresMs(System.currentTimeMillis() + 60_000).build().toByteArray();
    try (TestCloud cloud = new TestCloud(broker, SignalCatalog.builtIn());
        EdgeAgent agent = agent(broker, vin, CLOUD)) {
      agent.start();
      await().atMost(WAIT).until(() -> agent.stats().connected());
      cloud.publish(vin, TopicKind.COMMAND, CLOUD.commandBody(vin, "c-future", noKind));
      await().atMost(WAIT).until(() -> cloud.events(vin).size() == 1);
      assertEquals(1, agent.stats().downlinkRefused(DownlinkRefusal.MALFORMED));
      assertTrue(cloud.events(vin).get(0).detail().toString().contains("REJECTED"),
          cloud.events(vin).get(0).detail().toString());
    }
  }
}
