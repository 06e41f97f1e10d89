package io.spime.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/** What the TLS tests share: transports with given security, a round trip, and the transports' ERROR log. */
public final class TlsProbe implements AutoCloseable {
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger transportLog = (Logger) LoggerFactory.getLogger("io.spime.mqtt");

  public TlsProbe() {
    log.start();
    transportLog.addAppender(log);
  }

  /** A transport of {@code factory} to {@code url} with {@code security}. */
  public static MqttTransport transport(
      MqttTransportFactory factory, String url, MqttSecurity security, TransportListener listener) {
    return factory.create(MqttSettings.builder(url, "tls-" + UUID.randomUUID())
        .connectTimeout(Duration.ofSeconds(10)).security(security).build(), listener);
  }

  /** Connects a subscriber and a publisher with {@code security} and passes one message between them. */
  public static void roundTrip(MqttTransportFactory factory, String url, MqttSecurity security) throws Exception {
    String topic = "spime-test/tls/" + UUID.randomUUID();
    List<byte[]> received = new CopyOnWriteArrayList<>();
    TransportListener collect = (t, payload) -> received.add(payload);
    try (MqttTransport sub = transport(factory, url, security, collect);
        MqttTransport pub = transport(factory, url, security, (t, payload) -> {})) {
      sub.connect();
      sub.subscribe(topic, 1);
      pub.connect();
      pub.publish(topic, "over TLS".getBytes(StandardCharsets.UTF_8), 1, false).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
      assertArrayEquals("over TLS".getBytes(StandardCharsets.UTF_8), received.get(0));
    }
  }

  /** The ERROR lines the transports logged since this probe was made. */
  public List<String> errors() {
    return log.list.stream().filter(event -> event.getLevel() == Level.ERROR)
        .map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Override
  public void close() {
    transportLog.detachAppender(log);
  }
}
