package io.spime.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.broker.BrokerAccess;
import io.spime.broker.EmbeddedBroker;
import io.spime.testkit.AclMosquitto;
import io.spime.testkit.ClosedPort;
import io.spime.testkit.RefusingHiveMq;
import io.spime.testkit.TcpProxy;
import io.spime.testkit.TestBrokers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link MqttTransport} does, against real brokers: a transport's test extends this and
 * names its factory. Brokers: the embedded HiveMQ CE, and SPIME_MQTT_URL's (Mosquitto in CI) when set.
 */
public abstract class TransportContract {

  /** The transports under test. */
  protected abstract MqttTransportFactory factory();

  /** What a listener received. */
  public record Received(String topic, byte[] payload) {}

  /** A listener that keeps everything. */
  public static final class Collector implements TransportListener {
    public final List<Received> messages = new CopyOnWriteArrayList<>();
    public final List<Throwable> losses = new CopyOnWriteArrayList<>();

    @Override
    public void messageArrived(String topic, byte[] payload) {
      messages.add(new Received(topic, payload));
    }

    @Override
    public void connectionLost(Throwable cause) {
      losses.add(cause);
    }
  }

  protected MqttTransport transport(String url, TransportListener listener) {
    return factory().create(MqttSettings.builder(url, "t-" + UUID.randomUUID()).maxInFlight(4).build(), listener);
  }

  static List<String> brokers() {
    return TestBrokers.all();
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void delivers_published_messages_in_order_and_empties_its_window(String url) throws Exception {
    String topic = "spime-test/" + UUID.randomUUID();
    Collector collector = new Collector();
    try (MqttTransport sub = transport(url, collector);
        MqttTransport pub = transport(url, new Collector())) {
      sub.connect();
      sub.subscribe(topic, 1);
      pub.connect();
      for (int i = 0; i < 20; i++) {
        pub.publish(topic, bytes("m" + i), 1, false).get(10, TimeUnit.SECONDS);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> collector.messages.size() == 20);
      for (int i = 0; i < 20; i++) {
        assertArrayEquals(bytes("m" + i), collector.messages.get(i).payload(), "message " + i);
      }
      assertEquals(0, pub.inFlight());
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
  void publishing_while_disconnected_throws_instead_of_dropping_silently() {
    try (MqttTransport pub = transport(TestBrokers.embeddedUrl(), new Collector())) {
      TransportException error = assertThrows(TransportException.class, () -> pub.publish("a/b", new byte[1], 1, false));
      assertTrue(error.getMessage().contains("not connected"), error.getMessage());
      assertFalse(pub.isConnected());
    }
  }

  @Test
  void connecting_to_a_closed_port_names_the_broker() {
    String url = "tcp://127.0.0.1:" + ClosedPort.find();
    try (MqttTransport pub = factory().create(
        MqttSettings.builder(url, "closed").connectTimeout(Duration.ofSeconds(2)).build(), new Collector())) {
      TransportException error = assertThrows(TransportException.class, pub::connect);
      assertTrue(error.getMessage().contains(url), error.getMessage());
    }
  }

  @Test
  void a_full_window_refuses_publish_now_and_a_dropped_link_fails_the_pending_and_tells_the_listener()
      throws Exception {
    Collector listener = new Collector();
    try (TcpProxy proxy = new TcpProxy(TestBrokers.embedded().port());
        MqttTransport pub = factory().create(MqttSettings.builder(proxy.url(), "window-" + UUID.randomUUID())
            .maxInFlight(2).connectTimeout(Duration.ofSeconds(1)).build(), listener)) {
      pub.connect();
      proxy.mode(TcpProxy.Mode.BLACK_HOLE);
      CompletableFuture<Void> first = pub.publish("spime-test/w", bytes("1"), 1, false);
      CompletableFuture<Void> second = pub.publishNow("spime-test/w", bytes("2"), 1, false);
      assertEquals(2, pub.inFlight());

      TransportException full = assertThrows(TransportException.class,
          () -> pub.publishNow("spime-test/w", bytes("3"), 1, false));
      assertTrue(full.getMessage().contains("window"), full.getMessage());
      assertThrows(TransportException.class, () -> pub.publish("spime-test/w", bytes("3"), 1, false));

      proxy.mode(TcpProxy.Mode.CUT);
      for (CompletableFuture<Void> pending : List.of(first, second)) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> pending.get(30, TimeUnit.SECONDS));
        assertInstanceOf(TransportException.class, failed.getCause());
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> listener.losses.size() == 1);
      assertFalse(pub.isConnected());
      assertEquals(0, pub.inFlight());
    }
  }

  @Test
  void the_will_is_published_when_the_link_drops_and_not_on_a_clean_disconnect() throws Exception {
    String topic = "spime-test/will/" + UUID.randomUUID();
    Collector watcher = new Collector();
    try (MqttTransport watch = transport(TestBrokers.embeddedUrl(), watcher);
        TcpProxy proxy = new TcpProxy(TestBrokers.embedded().port())) {
      watch.connect();
      watch.subscribe(topic, 1);
      MqttSettings withWill = MqttSettings.builder(proxy.url(), "will-" + UUID.randomUUID())
          .will(new Will(topic, bytes("gone"), 1, false)).build();
      try (MqttTransport clean = factory().create(withWill, new Collector())) {
        clean.connect();
        clean.disconnect();
      }
      try (MqttTransport dropped = factory().create(withWill, new Collector())) {
        dropped.connect();
        proxy.mode(TcpProxy.Mode.CUT);
        await().atMost(Duration.ofSeconds(30)).until(() -> watcher.messages.size() >= 1);
      }
      assertEquals(1, watcher.messages.size(), "one will: the dropped link's, none for the clean disconnect");
    }
  }

  @Test
  void a_listener_that_throws_is_logged_and_the_next_messages_still_arrive() throws Exception {
    String topic = "spime-test/throws/" + UUID.randomUUID();
    Collector collector = new Collector();
    TransportListener throwsFirst = (t, payload) -> {
      collector.messageArrived(t, payload);
      if (collector.messages.size() == 1) {
        throw new IllegalStateException("a listener bug");
      }
    };
    try (MqttTransport sub = transport(TestBrokers.embeddedUrl(), throwsFirst);
        MqttTransport pub = transport(TestBrokers.embeddedUrl(), new Collector())) {
      sub.connect();
      sub.subscribe(topic, 1);
      pub.connect();
      for (int i = 0; i < 3; i++) {
        pub.publish(topic, bytes("m" + i), 1, false).get(10, TimeUnit.SECONDS);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> collector.messages.size() == 3);
      assertTrue(sub.isConnected());
    }
  }

  @Test
  void a_wrong_password_is_refused_with_the_brokers_reason_code() {
    String car = "WBA00000000000002";
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerAccess.builder().hashIterations(1_000)
            .password(car, "the-right-password".toCharArray()).build());
        MqttTransport transport = factory().create(MqttSettings.builder(broker.url(), "spime-agent-" + car)
            .security(MqttSecurity.builder().username(car).password("the-wrong-password").build()).build(),
            new Collector())) {
      TransportException refused = assertThrows(TransportException.class, transport::connect);
      assertTrue(refused.reasonCode() == 0x86 || refused.reasonCode() == 0x87, "reason " + refused.reasonCode());
      assertTrue(refused.getMessage().contains(broker.url()), refused.getMessage());
      assertFalse(transport.isConnected());
    }
  }

  /**
   * HiveMQ sends the refusing PUBACK and then disconnects the client at once; whichever the client
   * reports first, the publish fails as refused. Six rounds, each on a new connection.
   */
  @Test
  void a_publish_refused_by_a_hivemq_authorizer_fails_with_its_reason_code(@TempDir Path dir) throws Exception {
    try (RefusingHiveMq broker = RefusingHiveMq.start(dir, topic -> topic.startsWith("denied/"))) {
      for (int i = 1; i <= 6; i++) {
        try (MqttTransport client = factory().create(
            MqttSettings.builder(broker.url(), "refused-" + UUID.randomUUID()).build(), new Collector())) {
          assertRefused(client, "round " + i + ": ");
        }
      }
    }
  }

  @Test
  void a_publish_refused_by_the_mosquitto_acl_fails_with_its_reason_code(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(AclMosquitto.available(),
        "mosquitto is not installed (CI installs it with apt-get): refusals by Mosquitto are not tested here");
    try (AclMosquitto broker = AclMosquitto.start(dir, List.of("allowed/#"));
        MqttTransport client = factory().create(
            MqttSettings.builder(broker.url(), "refused-" + UUID.randomUUID()).build(), new Collector())) {
      assertRefused(client, "");
    }
  }

  private static void assertRefused(MqttTransport client, String round) throws Exception {
    client.connect();
    client.publish("allowed/x", bytes("fine"), 1, false).get(10, TimeUnit.SECONDS);
    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> client.publish("denied/x", bytes("refused"), 1, false).get(10, TimeUnit.SECONDS));
    PublishRefusedException refused =
        assertInstanceOf(PublishRefusedException.class, failed.getCause(), () -> round + failed.getCause());
    assertEquals(0x87, refused.reasonCode(), "MQTT 5 reason 0x87 is 'not authorized'");
    assertEquals("denied/x", refused.topic());
    assertEquals(0, client.inFlight(), "a refused publish leaves the in-flight window");
  }

  protected static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
