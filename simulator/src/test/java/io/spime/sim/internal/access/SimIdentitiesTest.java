package io.spime.sim.internal.access;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.agent.EdgeAgent;
import io.spime.broker.EmbeddedBroker;
import io.spime.cloud.sync.FleetIngest;
import io.spime.mqtt.MqttSecurity;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.sim.internal.car.CarAgents;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.ClientIds;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.AssetId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's identities on its embedded broker: cars reach their twins, and only as themselves. */
class SimIdentitiesTest {
  private static final AssetId CAR_A = AssetId.parse("1M8GDM9AXKP042788");
  private static final AssetId CAR_B = AssetId.parseLenient("SPM5D13Y1TA000000");

  @TempDir Path dir;

  @Test
  void a_car_logs_in_as_itself_and_reaches_its_twin_but_cannot_write_for_another_car() throws Exception {
    SimIdentities identities = SimIdentities.provision(List.of(CAR_A, CAR_B));
    try (EmbeddedBroker broker = EmbeddedBroker.start(identities.access());
        TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(broker.url(), store).security(identities.cloud())
            .firstConnectTimeout(Duration.ofSeconds(20)).build();
        EdgeAgent agent = CarAgents.build(CAR_A, broker.url(), dir.resolve("agent"),
            ScenarioSpec.resolve("commute"), Optional.empty(), identities.car(CAR_A))) {
      ingest.start();
      agent.start();
      long t0 = System.currentTimeMillis();
      agent.record("Vehicle.Speed", t0, 42.0);
      agent.flush();
      await().atMost(Duration.ofSeconds(30)).until(() -> store.samplesApplied(CAR_A) == 1);

      // A's password under A's client id, publishing on B's topic: the broker refuses it
      MqttTransport impostor = transport(broker.url(), ClientIds.car(CAR_A), identities.car(CAR_A));
      impostor.connect();
      assertThrows(Exception.class, () -> impostor.publish(Topics.of(CAR_B, TopicKind.TELEMETRY),
          new byte[] {1}, 1, false).get(10, TimeUnit.SECONDS));
      impostor.close();
      assertEquals(0, store.samplesApplied(CAR_B));
    }
  }

  @Test
  void nobody_connects_without_a_password_or_under_another_cars_client_id() {
    SimIdentities identities = SimIdentities.provision(List.of(CAR_A, CAR_B));
    try (EmbeddedBroker broker = EmbeddedBroker.start(identities.access())) {
      MqttTransport anonymous = transport(broker.url(), ClientIds.car(CAR_A), MqttSecurity.none());
      assertThrows(RuntimeException.class, anonymous::connect);
      MqttTransport takeover = transport(broker.url(), ClientIds.car(CAR_B), identities.car(CAR_A));
      assertThrows(RuntimeException.class, takeover::connect);
      MqttTransport wrong = transport(broker.url(), ClientIds.car(CAR_A),
          MqttSecurity.builder().username(CAR_A.value()).password(identities.password(CAR_B)).build());
      assertThrows(RuntimeException.class, wrong::connect);
      MqttTransport own = transport(broker.url(), ClientIds.car(CAR_A), identities.car(CAR_A));
      own.connect();
      assertTrue(own.isConnected());
      own.close();
    }
  }

  @Test
  void every_run_draws_new_passwords_of_256_random_bits() {
    SimIdentities first = SimIdentities.provision(List.of(CAR_A));
    SimIdentities second = SimIdentities.provision(List.of(CAR_A));
    assertFalse(first.password(CAR_A).equals(second.password(CAR_A)));
    assertTrue(first.password(CAR_A).length() >= 43, "256 random bits, base64");
    assertThrows(IllegalArgumentException.class, () -> first.car(CAR_B));
  }

  private static MqttTransport transport(String url, String clientId, MqttSecurity security) {
    return MqttTransports.paho(MqttSettings.builder(url, clientId).security(security)
        .connectTimeout(Duration.ofSeconds(10)).build(), (topic, payload) -> {});
  }
}
