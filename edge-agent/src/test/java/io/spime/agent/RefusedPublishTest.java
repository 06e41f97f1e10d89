package io.spime.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.testkit.AclMosquitto;
import io.spime.testkit.RefusingHiveMq;
import io.spime.testkit.TestVins;
import io.spime.wire.AssetId;
import io.spime.wire.state.ConsentSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * In broker ack mode the agent deletes a batch when the broker acknowledges it; a PUBACK that
 * refuses it (MQTT 5 reason 0x87, not authorised, from a real Mosquitto's ACL or an embedded
 * HiveMQ's publish authorizer) is no such
 * acknowledgement: the batch stays, is counted, and goes out once the broker takes it.
 */
class RefusedPublishTest {
  private static final List<String> WITHOUT_TELEMETRY = List.of("spime/v1/+/status",
      "spime/v1/+/birth", "spime/v1/+/ack", "spime/v1/+/desired", "spime/v1/+/command",
      "spime/v1/+/events", "spime/v1/+/reported");

  @TempDir Path brokerDir;
  @TempDir Path dataDir;

  /** A broker that refuses the telemetry topic until {@link #allowAll()}. */
  interface Refusing extends AutoCloseable {
    String url();

    void allowAll();
  }

  static Stream<String> brokers() {
    return Stream.of("embedded HiveMQ with a refusing authorizer", "Mosquitto with an ACL");
  }

  private Refusing start(String broker) throws Exception {
    if (broker.startsWith("Mosquitto")) {
      Assumptions.assumeTrue(AclMosquitto.available(),
          "mosquitto is not installed (CI installs it with apt-get): refusals are not tested on it here");
      AclMosquitto mosquitto = AclMosquitto.start(brokerDir, WITHOUT_TELEMETRY);
      return new Refusing() {
        @Override
        public String url() {
          return mosquitto.url();
        }

        @Override

        public void allowAll() {
          mosquitto.allow(List.of("#"));
        }

        @Override

        public void close() {
          mosquitto.close();
        }
      };
    }
    RefusingHiveMq hivemq = RefusingHiveMq.start(brokerDir, topic -> topic.endsWith("/telemetry"));
    return new Refusing() {
      @Override
      public String url() {
        return hivemq.url();
      }

      @Override

      public void allowAll() {
        hivemq.refuse(topic -> false);
      }

      @Override

      public void close() throws Exception {
        hivemq.close();
      }
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokers")
  void a_batch_the_broker_refuses_is_kept_retried_with_backoff_and_sent_once_allowed(String which)
      throws Exception {
    AssetId vin = TestVins.random();
    try (Refusing broker = start(which);
        EdgeAgent agent = EdgeAgent.builder(vin, broker.url(), dataDir)
            .consent(ConsentSet.all())
            .ackMode(AckMode.BROKER)
            .batchWindow(Duration.ofHours(1))
            .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
            .build()) {
      agent.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> agent.stats().connected());
      for (int batch = 0; batch < 3; batch++) {
        for (int i = 0; i < 10; i++) {
          agent.record(2, 1_700_000_000_000L + batch * 100 + i, batch * 100 + i);
        }
        agent.flush();
      }

      await().atMost(Duration.ofSeconds(30)).until(() -> agent.stats().publishesRefused() >= 6);
      AgentStats refused = agent.stats();
      assertEquals(3, refused.backlogBatches(), "no refused batch was deleted: " + refused);
      assertEquals(0, refused.ackedSeq(), "a refusal is not an acknowledgement: " + refused);
      assertEquals(0, refused.messagesSent(), "a refused publish is not counted as sent: " + refused);

      Set<String> delivered = ConcurrentHashMap.newKeySet();
      try (MqttTransport watcher = MqttTransports.paho(
          MqttSettings.builder(broker.url(), "watch-" + vin.value()).build(),
          (topic, payload) -> delivered.add(new String(payload, java.nio.charset.StandardCharsets.ISO_8859_1)))) {
        watcher.connect();
        watcher.subscribe("spime/v1/" + vin.value() + "/telemetry", 1);
        broker.allowAll();

        await().atMost(Duration.ofSeconds(60)).until(() -> agent.stats().backlogBatches() == 0);
        AgentStats sent = agent.stats();
        assertEquals(3, sent.ackedSeq(), "every batch went out once allowed: " + sent);
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() >= 3);
        assertTrue(delivered.size() >= 3, "the watcher received the three batches");
      }
    }
  }
}
