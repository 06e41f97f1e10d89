package io.spime.mqtt;

/**
 * Makes a {@link MqttTransport} for given settings: the seam that chooses the MQTT client library.
 * {@link MqttTransports#paho()} is the default; spime-mqtt-hivemq offers one on shared event loops.
 */
@FunctionalInterface
public interface MqttTransportFactory {
  /**
   * A transport, not yet connected, that reports what arrives to {@code listener}.
   *
   * @throws TransportException if the client cannot be created for these settings
   */
  MqttTransport create(MqttSettings settings, TransportListener listener);
}
