package io.spime.twin.sync;

import io.spime.broker.EmbeddedBroker;
import java.util.ArrayList;
import java.util.List;

/** Brokers the sync tests run against: the embedded one always, Mosquitto too when SPIME_MQTT_URL is set. */
final class TestBrokers {
  private static EmbeddedBroker embedded;

  private TestBrokers() {}

  static synchronized String embeddedUrl() {
    if (embedded == null) {
      embedded = EmbeddedBroker.start();
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
    }
    return embedded.url();
  }

  /** The embedded broker's URL, then SPIME_MQTT_URL's if set: parameters for interop tests. */
  static List<String> all() {
    List<String> urls = new ArrayList<>();
    urls.add(embeddedUrl());
    String external = System.getenv("SPIME_MQTT_URL");
    if (external != null && !external.isBlank()) {
      urls.add(external);
    }
    return urls;
  }
}
