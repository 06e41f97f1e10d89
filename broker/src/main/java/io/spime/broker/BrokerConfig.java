package io.spime.broker;

/** The broker's config.xml: one loopback listener, in-memory persistence, no phoning home. */
final class BrokerConfig {
  /** Largest MQTT packet the broker accepts, in bytes; larger ones are refused by the broker. */
  static final int MAX_PACKET_BYTES = 4 * 1024 * 1024;

  private BrokerConfig() {}

  static String xml(int port) {
    return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>127.0.0.1</bind-address>
            </tcp-listener>
          </listeners>
          <mqtt>
            <packets>
              <max-packet-size>%d</max-packet-size>
            </packets>
            <receive-maximum>
              <server-receive-maximum>1000</server-receive-maximum>
            </receive-maximum>
            <queued-messages>
              <max-queue-size>100000</max-queue-size>
            </queued-messages>
          </mqtt>
          <persistence>
            <mode>in-memory</mode>
          </persistence>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
          <general>
            <update-check-enabled>false</update-check-enabled>
          </general>
        </hivemq>
        """
        .formatted(port, MAX_PACKET_BYTES);
  }
}
