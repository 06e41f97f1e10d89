package io.spime.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {
  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void delivers_an_mqtt5_message_between_two_clients() throws Exception {
    MqttClient subscriber = connect("sub");
    MqttClient publisher = connect("pub");
    CompletableFuture<byte[]> received = new CompletableFuture<>();
    subscriber.subscribe(
        new MqttSubscription[] {new MqttSubscription("t/one", 1)},
        new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
          (topic, message) -> received.complete(message.getPayload())
        });
    byte[] payload = "hello".getBytes(StandardCharsets.UTF_8);
    publisher.publish("t/one", payload, 1, false);
    assertArrayEquals(payload, received.get(10, TimeUnit.SECONDS));
    subscriber.disconnect();
    publisher.disconnect();
  }

  @Test
  void the_shared_broker_is_one_running_broker_for_the_jvm() {
    EmbeddedBroker first = EmbeddedBroker.shared();
    assertTrue(first == EmbeddedBroker.shared());
    assertTrue(first.isRunning());
  }

  @Test
  void listens_on_loopback_port_that_is_not_the_standard_one() {
    assertTrue(broker.port() > 0 && broker.port() != 1883);
    assertTrue(broker.url().startsWith("tcp://127.0.0.1:"));
  }

  @Test
  void refuses_connections_while_stopped_and_accepts_after_restart() throws Exception {
    try (EmbeddedBroker own = EmbeddedBroker.start()) {
      own.stop();
      assertFalse(own.isRunning());
      assertThrows(MqttException.class, () -> connect(own.url(), "early"));
      own.restart();
      MqttClient client = connect(own.url(), "late");
      assertTrue(client.isConnected());
      client.disconnect();
    }
  }

  private static MqttClient connect(String id) throws MqttException {
    return connect(broker.url(), id);
  }

  private static MqttClient connect(String url, String id) throws MqttException {
    MqttClient client = new MqttClient(url, id, new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setConnectionTimeout(5);
    client.connect(options);
    return client;
  }
}
