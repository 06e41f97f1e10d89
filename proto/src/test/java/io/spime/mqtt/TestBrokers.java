package io.spime.mqtt;

import io.spime.broker.EmbeddedBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The brokers tests run against: the JVM's shared embedded one, and SPIME_MQTT_URL's when set. */
final class TestBrokers {
  private TestBrokers() {}

  static String embeddedUrl() {
    return EmbeddedBroker.shared().url();
  }

  /** The embedded broker's URL, then SPIME_MQTT_URL's if set: parameters for interop tests. */
  static List<String> all() {
    List<String> urls = new ArrayList<>();
    urls.add(embeddedUrl());
    Optional.ofNullable(System.getenv("SPIME_MQTT_URL"))
        .filter(url -> !url.isBlank())
        .ifPresent(urls::add);
    return urls;
  }
}
