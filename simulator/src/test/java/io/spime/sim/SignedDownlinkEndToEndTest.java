package io.spime.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.agent.DownlinkRefusal;
import io.spime.agent.EdgeAgent;
import io.spime.agent.EdgeAgentBuilder;
import io.spime.agent.RefusalReason;
import io.spime.cloud.sync.FleetIngest;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.sim.internal.office.FleetRegistry;
import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.custody.PartyId;
import io.spime.wire.DataCategory;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.AssetId;
import io.spime.wire.signing.DownlinkSigner;
import io.spime.wire.signing.KeyFiles;
import io.spime.wire.signing.KeyId;
import io.spime.wire.state.ConsentSet;
import io.spime.wire.state.DesiredState;
import io.spime.wire.state.StateCodec;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The signed downlink end to end, with the real ingest, twin store and agent on every test broker:
 * a retained desired state forged by an unknown MQTT client changes nothing, and the cloud's key
 * can be rotated without a car refusing the cloud.
 */
class SignedDownlinkEndToEndTest {
  private static final KeyId OLD = KeyId.of("cloud-2026-1");
  private static final KeyId NEW = KeyId.of("cloud-2026-2");
  private static final KeyPair OLD_PAIR = KeyFiles.generate();
  private static final KeyPair NEW_PAIR = KeyFiles.generate();
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  static List<String> brokers() {
    return TestBrokers.all();
  }

  private EdgeAgent agent(String url, AssetId vin, boolean pinOld, boolean pinNew) {
    EdgeAgentBuilder builder = EdgeAgent.builder(vin, url, dir.resolve(vin.value()))
        .consent(ConsentSet.nonPersonalOnly())
        .batchWindow(Duration.ofMillis(100))
        .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
    if (pinOld) {
      builder.downlinkKey(OLD, OLD_PAIR.getPublic());
    }
    if (pinNew) {
      builder.downlinkKey(NEW, NEW_PAIR.getPublic());
    }
    return builder.build();
  }

  private static FleetIngest cloud(String url, TwinStore store, KeyId keyId, KeyPair pair) {
    return FleetIngest.builder(url, store).signingKey(DownlinkSigner.of(keyId, pair.getPrivate())).build();
  }

  private static void intrude(String url, AssetId vin, byte[] payload) {
    try (MqttTransport intruder = MqttTransports.paho(MqttSettings.builder(url,
        "intruder-" + UUID.randomUUID()).cleanStart(true).build(), (topic, bytes) -> { })) {
      intruder.connect();
      intruder.publish(Topics.of(vin, TopicKind.DESIRED), payload, 1, true).join();
      intruder.disconnect();
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void a_retained_desired_state_forged_by_an_unknown_client_changes_neither_car_nor_twin(String url) {
    AssetId vin = TestVins.random();
    DesiredState everything = new DesiredState(1_000, Optional.empty(), Optional.of(ConsentSet.all()),
        Optional.empty());
    intrude(url, vin, StateCodec.encode(vin, everything, System.currentTimeMillis()));
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = cloud(url, store, OLD, OLD_PAIR)) {
      new FleetRegistry(store).deliverToFleet(vin, PartyId.of("rent-a-volta"), Instant.now().minusSeconds(3600));
      ingest.start();
      try (EdgeAgent car = agent(url, vin, true, false)) {
        car.start();
        await().atMost(WAIT).until(() -> car.stats().downlinkRefused(DownlinkRefusal.UNSIGNED) == 1);
        long now = System.currentTimeMillis();
        car.record("Vehicle.CurrentLocation.Latitude", now, 48.137);
        car.record("Vehicle.CurrentLocation.Longitude", now, 11.575);
        car.record("Vehicle.TraveledDistance", now, 1234);
        await().atMost(WAIT).until(() -> store.samplesApplied(vin) == 1);

        assertEquals(2, car.stats().refused(RefusalReason.NO_CONSENT), "the car kept no location");
        assertEquals(0, ingest.stats().samplesDroppedNoConsent(), "and sent none to be dropped");
        Twin twin = store.twin(vin).orElseThrow();
        assertFalse(twin.consentedCategories().contains(DataCategory.LOCATION));
        assertEquals(0, twin.desired().version());
        assertFalse("granted".equals(twin.reported().values().get("consent.LOCATION")),
            twin.reported().values().toString());
      }
    } finally {
      intrude(url, vin, new byte[0]);
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void the_cloud_switches_to_a_new_key_and_once_cars_unpin_the_old_one_it_is_refused(String url) {
    AssetId vin = TestVins.random();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"))) {
      new FleetRegistry(store).deliverToFleet(vin, PartyId.of("rent-a-volta"), Instant.now().minusSeconds(3600));
      try (EdgeAgent car = agent(url, vin, true, true)) {
        car.start();
        try (FleetIngest oldCloud = cloud(url, store, OLD, OLD_PAIR)) {
          oldCloud.start();
          long v1 = oldCloud.downlink().setConsent(vin, DataCategory.LOCATION, true);
          awaitReported(store, vin, v1);
        }
        try (FleetIngest newCloud = cloud(url, store, NEW, NEW_PAIR)) {
          newCloud.start();
          long v2 = newCloud.downlink().setConsent(vin, DataCategory.USAGE, true);
          awaitReported(store, vin, v2);
        }
        assertEquals(0, car.stats().downlinkRejected(), "both keys were accepted during the rotation");
      }
      try (EdgeAgent car = agent(url, vin, false, true);
          FleetIngest stale = cloud(url, store, OLD, OLD_PAIR)) {
        car.start();
        stale.start();
        await().atMost(WAIT).until(() -> car.stats().connected());
        long v3 = stale.downlink().setConsent(vin, DataCategory.LOCATION, false);
        await().atMost(WAIT).until(() -> car.stats().downlinkRefused(DownlinkRefusal.UNKNOWN_KEY) >= 1);
        car.record("Vehicle.CurrentLocation.Latitude", System.currentTimeMillis(), 48.1);
        assertEquals(1, car.stats().acceptedSamples(), "the old key could not withdraw the consent");
        assertTrue(store.twin(vin).orElseThrow().desired().version() == v3);
      }
    } finally {
      intrude(url, vin, new byte[0]);
    }
  }

  private static void awaitReported(TwinStore store, AssetId vin, long version) {
    await().atMost(WAIT).until(() -> String.valueOf(version)
        .equals(store.twin(vin).orElseThrow().reported().values().get("desiredVersion")));
  }
}
