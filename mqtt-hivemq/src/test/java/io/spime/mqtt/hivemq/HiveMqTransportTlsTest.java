package io.spime.mqtt.hivemq;

import io.spime.mqtt.MqttTransportFactory;
import io.spime.mqtt.TlsContract;

/** The TLS contract on the HiveMQ client. */
class HiveMqTransportTlsTest extends TlsContract {

  @Override
  protected MqttTransportFactory factory() {
    return HiveMqTransports.factory();
  }
}
