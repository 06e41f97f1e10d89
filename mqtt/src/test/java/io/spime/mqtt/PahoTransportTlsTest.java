package io.spime.mqtt;

/** The TLS contract on Eclipse Paho's client. */
class PahoTransportTlsTest extends TlsContract {

  @Override
  protected MqttTransportFactory factory() {
    return MqttTransports.paho();
  }
}
