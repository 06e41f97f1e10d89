package io.spime.mqtt.hivemq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.TransportException;
import io.spime.testkit.TestBrokers;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

/** Many clients share the JVM's few MQTT threads, which are daemons. */
class SharedThreadsTest {
  private static final int CLIENTS = 500;

  @Test
  void five_hundred_connected_clients_add_fewer_than_fifty_threads() throws Exception {
    String url = TestBrokers.embeddedUrl();
    warmUp(url);
    int before = ManagementFactory.getThreadMXBean().getThreadCount();
    List<MqttTransport> clients = new ArrayList<>();
    AtomicInteger received = new AtomicInteger();
    String topic = "spime-test/threads/" + UUID.randomUUID();
    try {
      for (int i = 0; i < CLIENTS; i++) {
        MqttTransport client = HiveMqTransports.create(
            MqttSettings.builder(url, "threads-" + i + "-" + UUID.randomUUID()).cleanStart(true)
                .sessionExpiry(Duration.ZERO).build(),
            (t, payload) -> received.incrementAndGet());
        clients.add(client);
        client.connect();
      }
      clients.get(0).subscribe(topic, 1);
      for (MqttTransport client : clients) {
        client.publish(topic, new byte[] {1}, 1, false).get(30, TimeUnit.SECONDS);
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> received.get() == CLIENTS);
      int during = ManagementFactory.getThreadMXBean().getThreadCount();
      assertTrue(clients.stream().allMatch(MqttTransport::isConnected));
      assertTrue(during - before < 50, CLIENTS + " clients took the JVM from " + before + " to " + during + " threads");
    } finally {
      clients.forEach(MqttTransport::close);
    }
  }

  @Test
  void the_shared_threads_are_daemons() throws Exception {
    warmUp(TestBrokers.embeddedUrl());
    List<Thread> mqttThreads = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("spime-mqtt-")).toList();
    assertTrue(!mqttThreads.isEmpty(), "no spime-mqtt- threads");
    assertEquals(List.of(), mqttThreads.stream().filter(thread -> !thread.isDaemon()).toList());
  }

  @Test
  void settings_with_tls_only_as_a_socket_factory_are_refused_when_the_transport_is_made() {
    MqttSettings socketFactoryOnly = MqttSettings.builder("ssl://127.0.0.1:8883", "tls-factory")
        .tls((SSLSocketFactory) SSLSocketFactory.getDefault()).build();
    TransportException refused = assertThrows(TransportException.class,
        () -> HiveMqTransports.create(socketFactoryOnly, (t, p) -> {}));
    assertTrue(refused.getMessage().contains("security"), refused.getMessage());
  }

  /** One client through connect, publish and disconnect, so every shared thread exists before counting. */
  private static void warmUp(String url) throws Exception {
    try (MqttTransport client = HiveMqTransports.create(
        MqttSettings.builder(url, "warm-" + UUID.randomUUID()).build(), (t, p) -> {})) {
      client.connect();
      client.subscribe("spime-test/warm", 1);
      client.publish("spime-test/warm", new byte[] {1}, 1, false).get(10, TimeUnit.SECONDS);
    }
  }
}
