package io.spime.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.ClosedPort;
import io.spime.testkit.TestBrokers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PahoTransportTest {

  private record Received(String topic, byte[] payload) {}

  private static final class Collector implements TransportListener {
    final List<Received> messages = new CopyOnWriteArrayList<>();

    @Override
    public void messageArrived(String topic, byte[] payload) {
      messages.add(new Received(topic, payload));
    }
  }

  private static MqttTransport transport(String url, TransportListener listener) {
    return MqttTransports.paho(
        MqttSettings.builder(url, "t-" + UUID.randomUUID()).maxInFlight(4).build(), listener);
  }

  static List<String> brokers() {
    return TestBrokers.all();
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void delivers_published_messages_to_a_subscriber_and_empties_its_window(String url)
      throws Exception {
    String topic = "spime-test/" + UUID.randomUUID();
    Collector collector = new Collector();
    try (MqttTransport sub = transport(url, collector);
        MqttTransport pub = transport(url, new Collector())) {
      sub.connect();
      sub.subscribe(topic, 1);
      pub.connect();
      for (int i = 0; i < 20; i++) {
        CompletableFuture<Void> sent =
            pub.publish(topic, ("m" + i).getBytes(StandardCharsets.UTF_8), 1, false);
        sent.get(10, TimeUnit.SECONDS);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> collector.messages.size() == 20);
      assertArrayEquals("m19".getBytes(StandardCharsets.UTF_8), collector.messages.get(19).payload());
      assertEquals(0, pub.inFlight());
    }
  }

  @Test
  void publishing_while_disconnected_throws_instead_of_dropping_silently() {
    try (MqttTransport pub = transport(TestBrokers.embeddedUrl(), new Collector())) {
      TransportException error =
          assertThrows(TransportException.class, () -> pub.publish("a/b", new byte[1], 1, false));
      assertTrue(error.getMessage().contains("not connected"), error.getMessage());
      assertFalse(pub.isConnected());
    }
  }

  @Test
  void connecting_to_a_closed_port_names_the_broker() {
    String url = "tcp://127.0.0.1:" + ClosedPort.find();
    try (MqttTransport pub =
        MqttTransports.paho(
            MqttSettings.builder(url, "closed").connectTimeout(Duration.ofSeconds(2)).build(),
            new Collector())) {
      TransportException error = assertThrows(TransportException.class, pub::connect);
      assertTrue(error.getMessage().contains(url), error.getMessage());
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void a_retained_message_reaches_a_later_subscriber(String url) throws Exception {
    String topic = "spime-test/retained/" + UUID.randomUUID();
    try (MqttTransport pub = transport(url, new Collector())) {
      pub.connect();
      pub.publish(topic, new byte[] {7}, 1, true).get(10, TimeUnit.SECONDS);
    }
    Collector late = new Collector();
    try (MqttTransport sub = transport(url, late)) {
      sub.connect();
      sub.subscribe(topic, 1);
      await().atMost(Duration.ofSeconds(10)).until(() -> late.messages.size() == 1);
    }
  }

  @Test
  void settings_refuse_urls_without_scheme_or_port() {
    assertThrows(IllegalArgumentException.class, () -> MqttSettings.builder("127.0.0.1:1", "x"));
    assertThrows(IllegalArgumentException.class, () -> MqttSettings.builder("http://h:1", "x"));
    assertThrows(IllegalArgumentException.class, () -> MqttSettings.builder("tcp://host", "x"));
    assertThrows(
        IllegalArgumentException.class,
        () -> MqttSettings.builder("tcp://h:1", "x").maxInFlight(0));
  }
}
