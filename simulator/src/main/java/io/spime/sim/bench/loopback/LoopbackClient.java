package io.spime.sim.bench.loopback;

import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.mqtt.TransportListener;
import java.time.Duration;
import java.util.function.Consumer;

/** One MQTT connection of the loopback run: spime's Paho transport, or plain Paho with TCP_NODELAY. */
public interface LoopbackClient extends AutoCloseable {
  /** Subscribes at QoS 1, blocking until granted. */
  void subscribe(String filter);

  /** Publishes at QoS 1, waiting while the in-flight window is full. */
  void publish(String topic, byte[] payload);

  @Override
  void close();

  /**
   * A connected client of the chosen kind, with a clean session that expires when it leaves, so
   * nothing queues for it after the run. {@code arrived} is told the size of each message.
   *
   * @throws io.spime.mqtt.TransportException if it cannot connect
   */
  static LoopbackClient connect(String brokerUrl, String clientId, int window, boolean noDelay,
      Consumer<byte[]> arrived) {
    if (noDelay) {
      return NoDelayPaho.connect(brokerUrl, clientId, window, arrived);
    }
    MqttSettings settings = MqttSettings.builder(brokerUrl, clientId)
        .cleanStart(true)
        .sessionExpiry(Duration.ZERO)
        .maxInFlight(window)
        .build();
    TransportListener listener = (topic, payload) -> arrived.accept(payload);
    MqttTransport transport = MqttTransports.paho(settings, listener);
    transport.connect();
    return new LoopbackClient() {
      @Override
      public void subscribe(String filter) {
        transport.subscribe(filter, 1);
      }

      @Override
      public void publish(String topic, byte[] payload) {
        transport.publish(topic, payload, 1, false);
      }

      @Override
      public void close() {
        transport.close();
      }
    };
  }
}
