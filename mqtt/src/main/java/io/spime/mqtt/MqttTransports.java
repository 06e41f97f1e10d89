package io.spime.mqtt;

import io.spime.mqtt.internal.PahoTransport;

/** Creates {@link MqttTransport}s. */
public final class MqttTransports {
  private MqttTransports() {}

  /**
   * Eclipse Paho's transports: four threads of their own per connected client, nothing shared.
   * The default of the agent and the cloud side.
   */
  public static MqttTransportFactory paho() {
    return PahoTransport::new;
  }

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
