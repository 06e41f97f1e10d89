package io.spime.mqtt;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The transport contract on Eclipse Paho's client. */
class PahoTransportTest extends TransportContract {

  @Override
  protected MqttTransportFactory factory() {
    return MqttTransports.paho();
  }

  @Test
  void settings_refuse_urls_without_scheme_or_port() {
    assertThrows(IllegalArgumentException.class, () -> MqttSettings.builder("127.0.0.1:1", "x"));
    assertThrows(IllegalArgumentException.class, () -> MqttSettings.builder("http://h:1", "x"));
    assertThrows(IllegalArgumentException.class, () -> MqttSettings.builder("tcp://host", "x"));
    assertThrows(IllegalArgumentException.class, () -> MqttSettings.builder("tcp://h:1", "x").maxInFlight(0));
  }
}
