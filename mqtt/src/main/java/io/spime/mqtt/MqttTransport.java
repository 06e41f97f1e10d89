package io.spime.mqtt;

import java.util.concurrent.CompletableFuture;

/**
 * A small MQTT 5 client seam: what the agent and the cloud side need and nothing more, so the client
 * library behind it can be swapped. Durable state is never kept here; it lives in spime's stores.
 *
 * <p>Create one with a {@link MqttTransportFactory}: {@link MqttTransports#paho()}, or the HiveMQ
 * client's from spime-mqtt-hivemq (many clients on a few shared threads). Reconnecting is the
 * caller's job: after {@link TransportListener#connectionLost} call {@link #connect()} again when it suits.
 */
public interface MqttTransport extends AutoCloseable {

  /**
   * Connects, blocking up to the connect timeout. Publishes the will on an unexpected disconnect.
   *
   * @throws TransportException if the broker cannot be reached or refuses the connection
   */
  void connect();

  /** Whether the link is up. */
  boolean isConnected();

  /**
   * Sends a message. Waits while the in-flight window is full (up to the connect timeout). The
   * future completes when the broker acknowledged it (QoS 1) or it was written (QoS 0), and fails
   * with a {@link TransportException} if the link drops first, or with a {@link
   * PublishRefusedException} if the broker's PUBACK refused it (reason code 0x80 or more).
   *
   * @throws TransportException if not connected or the window does not open in time
   */
  CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained);

  /**
   * Sends a message only if the in-flight window has room now; never waits for it. For a thread that
   * the client's own callback thread may be waiting on (the window opens on acknowledgements that
   * thread delivers), where waiting could deadlock.
   *
   * @throws TransportException if not connected or the window is full
   */
  CompletableFuture<Void> publishNow(String topic, byte[] payload, int qos, boolean retained);

  /**
   * Subscribes, blocking until the broker grants it. Messages arrive at the listener.
   *
   * @throws TransportException if not connected or the broker refuses
   */
  void subscribe(String topicFilter, int qos);

  /** Messages published but not yet acknowledged by the broker. */
  int inFlight();

  /** Disconnects cleanly (no will is published). Does nothing if not connected. */
  void disconnect();

  /** Disconnects and releases every resource. */
  @Override
  void close();
}
