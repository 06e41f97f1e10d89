package io.spime.mqtt;

import io.spime.mqtt.internal.PahoTransport;

/** Creates {@link MqttTransport}s. */
public final class MqttTransports {
  private MqttTransports() {}

  /**
   * A transport on Eclipse Paho's MQTT 5 client, with in-memory persistence and its automatic
   * reconnect off.
   *
   * @throws TransportException if the client cannot be created for these settings
   */
  public static MqttTransport paho(MqttSettings settings, TransportListener listener) {
    return new PahoTransport(settings, listener);
  }
}
