package io.spime.sim.internal.scenario;

import io.spime.mqtt.MqttTransportFactory;
import io.spime.mqtt.MqttTransports;
import io.spime.mqtt.hivemq.HiveMqTransports;
import java.util.Locale;

/** The MQTT client library of the simulated cars' agents ({@code --mqtt-client}). */
public enum MqttClient {
  /** Eclipse Paho: four threads per car; the agent's default. */
  PAHO,
  /** The HiveMQ client: every car of the process on a few shared threads. */
  HIVEMQ;

  /** The transports of this client. */
  public MqttTransportFactory factory() {
    return this == PAHO ? MqttTransports.paho() : HiveMqTransports.factory();
  }

  /** The name on the command line: {@code paho} or {@code hivemq}. */
  public String flag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The client named {@code flag}, in any case.
   *
   * @throws IllegalArgumentException naming the choices if it is neither
   */
  public static MqttClient parse(String flag) {
    for (MqttClient client : values()) {
      if (client.flag().equalsIgnoreCase(flag.strip())) {
        return client;
      }
    }
    throw new IllegalArgumentException("--mqtt-client must be paho or hivemq, was '" + flag + "'");
  }
}
