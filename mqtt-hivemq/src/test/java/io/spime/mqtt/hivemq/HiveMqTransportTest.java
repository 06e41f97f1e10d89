package io.spime.mqtt.hivemq;

import io.spime.mqtt.MqttTransportFactory;
import io.spime.mqtt.TransportContract;

/** The transport contract on the HiveMQ client. */
class HiveMqTransportTest extends TransportContract {

  @Override
  protected MqttTransportFactory factory() {
    return HiveMqTransports.factory();
  }
}
