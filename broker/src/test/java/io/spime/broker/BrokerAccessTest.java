package io.spime.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded broker with access enforced: every refusal of the rule, and the cloud's allowed work. */
class BrokerAccessTest {
  private static final String CAR_A = "WBA00000000000001";
  private static final String CAR_B = "WBA00000000000002";
  private static final String CLOUD = "spime-cloud";
  private static final String PASSWORD_A = "password-of-car-a";
  private static final String PASSWORD_B = "password-of-car-b";
  private static final String PASSWORD_CLOUD = "password-of-the-cloud";
  private static final int NOT_AUTHORIZED = 135;
  private static final int BAD_CREDENTIALS = 134;

  private static EmbeddedBroker broker;
  private final List<MqttClient> clients = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start(BrokerAccess.builder()
        .hashIterations(1_000)
        .cloudIdentity(CLOUD)
        .password(CAR_A, PASSWORD_A.toCharArray())
        .password(CAR_B, PASSWORD_B.toCharArray())
        .password(CLOUD, PASSWORD_CLOUD.toCharArray())
        .password("somebody", "password-of-somebody".toCharArray())
        .build());
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @AfterEach
  void closeClients() {
    clients.forEach(Clients::closeQuietly);
  }

  @Test
  void a_car_publishes_on_its_own_uplink_but_not_on_another_cars() throws Exception {
    MqttClient carA = car(CAR_A, PASSWORD_A);
    for (String kind : List.of("telemetry", "events", "status", "birth", "reported")) {
      assertTrue(Clients.accepted(Clients.publish(carA, "spime/v1/" + CAR_A + "/" + kind, "mine")), kind);
    }
    for (String kind : List.of("telemetry", "events", "status", "birth", "reported")) {
      // HiveMQ disconnects a client after a refused publish: a fresh connection for each attempt
      assertEquals(NOT_AUTHORIZED, Clients.publish(car(CAR_A, PASSWORD_A), "spime/v1/" + CAR_B + "/" + kind, "forged"), kind);
    }
  }

  @Test
  void a_car_cannot_publish_desired_state_or_commands_not_even_its_own() throws Exception {
    for (String kind : List.of("desired", "command", "ack")) {
      assertEquals(NOT_AUTHORIZED, Clients.publish(car(CAR_A, PASSWORD_A), "spime/v1/" + CAR_A + "/" + kind, "x"), kind);
      assertEquals(NOT_AUTHORIZED, Clients.publish(car(CAR_A, PASSWORD_A), "spime/v1/" + CAR_B + "/" + kind, "x"), kind);
    }
    assertEquals(NOT_AUTHORIZED, Clients.publish(car(CAR_A, PASSWORD_A), "elsewhere/topic", "x"));
  }

  @Test
  void a_car_subscribes_to_its_own_downlink_only() throws Exception {
    MqttClient carA = car(CAR_A, PASSWORD_A);
    assertEquals(1, Clients.subscribe(carA, "spime/v1/" + CAR_A + "/command", (t, m) -> {}));
    for (String filter : List.of("spime/v1/" + CAR_B + "/command", "spime/v1/+/command", "spime/v1/#",
        "#", "$share/g/spime/v1/+/telemetry", "spime/v1/" + CAR_B + "/telemetry",
        "spime/v1/" + CAR_A + "/telemetry", "spime/v1/" + CAR_A + "/+")) {
      assertEquals(NOT_AUTHORIZED, Clients.subscribe(carA, filter, (t, m) -> {}), filter);
    }
  }

  @Test
  void another_identity_cannot_take_over_a_cars_session() throws Exception {
    MqttClient carB = car(CAR_B, PASSWORD_B);
    MqttException refused = assertThrows(MqttException.class,
        () -> Clients.connect(broker.url(), "spime-agent-" + CAR_B, CAR_A, PASSWORD_A));
    assertEquals(NOT_AUTHORIZED, refused.getReasonCode());
    assertThrows(MqttException.class,
        () -> Clients.connect(broker.url(), "spime-agent-" + CAR_B, CLOUD, PASSWORD_CLOUD));
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(carB::isConnected);
  }

  @Test
  void a_car_connects_only_with_its_own_client_id() {
    MqttException refused = assertThrows(MqttException.class,
        () -> Clients.connect(broker.url(), "some-other-id", CAR_A, PASSWORD_A));
    assertEquals(NOT_AUTHORIZED, refused.getReasonCode());
  }

  @Test
  void a_will_on_another_cars_topic_is_refused_at_connect() throws Exception {
    MqttException refused = assertThrows(MqttException.class, () -> Clients.connect(
        broker.url(), "spime-agent-" + CAR_A, CAR_A, PASSWORD_A, "spime/v1/" + CAR_B + "/status"));
    assertEquals(NOT_AUTHORIZED, refused.getReasonCode());
    clients.add(Clients.connect(
        broker.url(), "spime-agent-" + CAR_A, CAR_A, PASSWORD_A, "spime/v1/" + CAR_A + "/status"));
  }

  @Test
  void wrong_passwords_and_unknown_identities_are_refused() {
    assertEquals(BAD_CREDENTIALS, assertThrows(MqttException.class, () -> Clients.connect(
        broker.url(), "spime-agent-" + CAR_A, CAR_A, "not-the-password")).getReasonCode());
    assertEquals(BAD_CREDENTIALS, assertThrows(MqttException.class, () -> Clients.connect(
        broker.url(), "spime-agent-" + CAR_B, CAR_B, PASSWORD_A)).getReasonCode());
    assertEquals(NOT_AUTHORIZED, assertThrows(MqttException.class, () -> Clients.connect(
        broker.url(), "somebody-1", "somebody", "password-of-somebody")).getReasonCode());
  }

  @Test
  void the_cloud_reads_the_fleet_and_sends_downlink_but_cannot_speak_for_a_car() throws Exception {
    MqttClient cloud = Clients.connect(broker.url(), "spime-ingest-1", CLOUD, PASSWORD_CLOUD);
    clients.add(cloud);
    List<String> seen = new CopyOnWriteArrayList<>();
    assertEquals(1, Clients.subscribe(cloud, "$share/ingest/spime/v1/+/events", (t, m) -> {}));
    assertEquals(1, Clients.subscribe(cloud, "spime/v1/+/telemetry", (t, m) -> seen.add(t)));
    MqttClient carB = car(CAR_B, PASSWORD_B);
    List<String> commands = new CopyOnWriteArrayList<>();
    assertEquals(1, Clients.subscribe(carB, "spime/v1/" + CAR_B + "/command", (t, m) -> commands.add(t)));

    assertEquals(0, Clients.publish(carB, "spime/v1/" + CAR_B + "/telemetry", "samples"));
    assertEquals(0, Clients.publish(cloud, "spime/v1/" + CAR_B + "/command", "unlock"));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertEquals(List.of("spime/v1/" + CAR_B + "/telemetry"), seen);
      assertEquals(List.of("spime/v1/" + CAR_B + "/command"), commands);
    });
    assertEquals(NOT_AUTHORIZED, Clients.subscribe(cloud, "#", (t, m) -> {}));
    assertEquals(NOT_AUTHORIZED, Clients.publish(cloud, "spime/v1/" + CAR_B + "/telemetry", "forged"));
    assertTrue(carB.isConnected());
  }

  private MqttClient car(String vin, String password) throws MqttException {
    MqttClient client = Clients.connect(broker.url(), "spime-agent-" + vin, vin, password);
    clients.add(client);
    return client;
  }
}
