package io.spime.sim.internal.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.broker.EmbeddedBroker;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.mqtt.TransportException;
import io.spime.mqtt.TransportListener;
import io.spime.testkit.TestBrokers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LinkProxyTest {
  private static final EmbeddedBroker broker = TestBrokers.embedded();

  private static final class Listener implements TransportListener {
    final List<byte[]> messages = new CopyOnWriteArrayList<>();
    final AtomicInteger lost = new AtomicInteger();

    @Override
    public void messageArrived(String topic, byte[] payload) {
      messages.add(payload);
    }

    @Override
    public void connectionLost(Throwable cause) {
      lost.incrementAndGet();
    }
  }

  @Test
  void forwards_mqtt_both_ways_and_a_cut_drops_the_link_until_restored() throws Exception {
    try (LinkProxy proxy = new LinkProxy("127.0.0.1", broker.port())) {
      String url = proxy.open("car-1");
      Listener listener = new Listener();
      MqttSettings settings = MqttSettings.builder(url, "proxied-car")
          .connectTimeout(Duration.ofSeconds(3)).build();
      try (MqttTransport car = MqttTransports.paho(settings, listener)) {
        car.connect();
        car.subscribe("proxy-test/echo", 1);
        car.publish("proxy-test/echo", new byte[100_000], 1, false).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.messages.size() == 1);

        proxy.cut("car-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.lost.get() == 1);
        assertThrows(TransportException.class, car::connect, "refused while cut");

        proxy.restore("car-1");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
          car.connect();
          return car.isConnected();
        });
        car.subscribe("proxy-test/echo", 1);
        car.publish("proxy-test/echo", new byte[] {1}, 1, false).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.messages.size() == 2);
        assertTrue(listener.messages.get(0).length == 100_000, "large message passed whole");
      }
    }
  }
}
