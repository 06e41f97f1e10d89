package io.spime.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spime.testkit.AclMosquitto;
import io.spime.testkit.RefusingHiveMq;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A publish the broker refuses in its PUBACK fails its future; it is never reported as delivered. */
class PublishRefusedTest {

  @Test
  void a_publish_refused_by_the_broker_acl_fails_with_its_reason_code(@TempDir Path dir)
      throws Exception {
    Assumptions.assumeTrue(AclMosquitto.available(),
        "mosquitto is not installed (CI installs it with apt-get): refusals are not tested here");
    try (AclMosquitto broker = AclMosquitto.start(dir, List.of("allowed/#"));
        MqttTransport client = MqttTransports.paho(
            MqttSettings.builder(broker.url(), "refused-" + UUID.randomUUID()).build(),
            (topic, payload) -> { })) {
      client.connect();
      client.publish("allowed/x", bytes("fine"), 1, false).get(10, TimeUnit.SECONDS);

      ExecutionException failed = assertThrows(ExecutionException.class,
          () -> client.publish("denied/x", bytes("refused"), 1, false).get(10, TimeUnit.SECONDS));

      PublishRefusedException refused = assertInstanceOf(PublishRefusedException.class, failed.getCause());
      assertEquals(0x87, refused.reasonCode(), "MQTT 5 reason 0x87 is 'not authorized'");
      assertEquals("denied/x", refused.topic());
      assertEquals(0, client.inFlight(), "a refused publish leaves the in-flight window");
    }
  }

  /**
   * HiveMQ sends the refusing PUBACK and then disconnects the client at once; whichever Paho
   * reports first, the publish fails as refused. Twelve rounds, each on a new connection, give
   * that race its chances.
   */
  @Test
  void a_publish_refused_by_a_hivemq_authorizer_fails_with_its_reason_code(@TempDir Path dir)
      throws Exception {
    try (RefusingHiveMq broker = RefusingHiveMq.start(dir, topic -> topic.startsWith("denied/"))) {
      for (int i = 1; i <= 12; i++) {
        String round = "round " + i + ": ";
        try (MqttTransport client = MqttTransports.paho(
            MqttSettings.builder(broker.url(), "refused-" + UUID.randomUUID()).build(),
            (topic, payload) -> { })) {
          client.connect();
          client.publish("allowed/x", bytes("fine"), 1, false).get(10, TimeUnit.SECONDS);

          ExecutionException failed = assertThrows(ExecutionException.class,
              () -> client.publish("denied/x", bytes("refused"), 1, false).get(10, TimeUnit.SECONDS));

          PublishRefusedException refused = assertInstanceOf(PublishRefusedException.class,
              failed.getCause(), () -> round + failed.getCause());
          assertEquals(0x87, refused.reasonCode());
          assertEquals(0, client.inFlight());
        }
      }
    }
  }

  @Test
  void a_refusal_code_must_be_a_failure_code() {
    assertThrows(IllegalArgumentException.class, () -> new PublishRefusedException("c", "t", 0x10));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
