package io.spime.mqtt.hivemq;

import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransportFactory;
import io.spime.mqtt.TransportException;
import io.spime.mqtt.TransportListener;
import io.spime.mqtt.hivemq.internal.HiveMqTransport;

/**
 * Transports on the HiveMQ MQTT 5 client: every one in the JVM shares a few daemon event-loop threads
 * and a few callback threads, so thousands of clients need no more threads than one.
 */
public final class HiveMqTransports {
  private HiveMqTransports() {}

  /** The factory, for {@code EdgeAgentBuilder.transport} and other seams that take one. */
  public static MqttTransportFactory factory() {
    return HiveMqTransports::create;
  }

  /**
   * A transport, not yet connected, with the behaviour {@link MqttTransport} describes.
   *
   * @throws TransportException if the settings hold TLS only as an {@code SSLSocketFactory}, which
   *     this client cannot use (give TLS with {@code MqttSettings.Builder.security} instead)
   */
  public static MqttTransport create(MqttSettings settings, TransportListener listener) {
    return new HiveMqTransport(settings, listener);
  }
}
