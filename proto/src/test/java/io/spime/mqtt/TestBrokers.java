package io.spime.mqtt;

import io.spime.broker.EmbeddedBroker;
import java.util.Optional;

/** The broker tests run against: one embedded broker per JVM, or Mosquitto when SPIME_MQTT_URL is set. */
final class TestBrokers {
  private static EmbeddedBroker embedded;

  private TestBrokers() {}

  /** The embedded broker's URL, started on first use and stopped when the JVM exits. */
  static synchronized String embeddedUrl() {
    if (embedded == null) {
      embedded = EmbeddedBroker.start();
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
    }
    return embedded.url();
  }

  /** The external broker named by SPIME_MQTT_URL, if set. */
  static Optional<String> externalUrl() {
    return Optional.ofNullable(System.getenv("SPIME_MQTT_URL")).filter(url -> !url.isBlank());
  }
}
