package io.spime.broker;

import java.nio.file.Path;
import java.util.Optional;

/** The broker's config.xml: a loopback TCP listener (and optionally a TLS one), in-memory persistence, no phoning home. */
final class BrokerConfig {
  /** Largest MQTT packet the broker accepts, in bytes; larger ones are refused by the broker. */
  static final int MAX_PACKET_BYTES = 4 * 1024 * 1024;

  private BrokerConfig() {}

  static String xml(int port) {
    return xml(port, "");
  }

  /**
   * A TLS listener on {@code port} of 127.0.0.1 with the server's key store and, for mutual TLS, a
   * trust store of the CAs whose client certificates it requires.
   */
  static String tlsListener(int port, Path keyStore, String password, Optional<Path> clientTrustStore) {
    String trust = clientTrustStore.map(store -> """
                <truststore>
                  <path>%s</path>
                  <password>%s</password>
                </truststore>
                <client-authentication-mode>REQUIRED</client-authentication-mode>
        """.formatted(store, password)).orElse("""
                <client-authentication-mode>NONE</client-authentication-mode>
        """);
    return """
            <tls-tcp-listener>
              <port>%d</port>
              <bind-address>127.0.0.1</bind-address>
              <tls>
                <keystore>
                  <path>%s</path>
                  <password>%s</password>
                  <private-key-password>%s</private-key-password>
                </keystore>
        %s      </tls>
            </tls-tcp-listener>
        """.formatted(port, keyStore, password, password, trust);
  }

  /** The config with the TCP listener on {@code port} and {@code extraListeners} (XML) beside it. */
  static String xml(int port, String extraListeners) {
    return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>127.0.0.1</bind-address>
            </tcp-listener>
        %s  </listeners>
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
        .formatted(port, extraListeners, MAX_PACKET_BYTES);
  }
}
