package io.spime.twin.sync;

import io.spime.broker.EmbeddedBroker;
import java.util.ArrayList;
import java.util.List;

/** Brokers the sync tests run against: the shared embedded one, and SPIME_MQTT_URL's when set. */
public final class TestBrokers {
  private TestBrokers() {}

  /** The embedded broker's URL, then SPIME_MQTT_URL's if set: parameters for interop tests. */
  public static List<String> all() {
    List<String> urls = new ArrayList<>();
    urls.add(EmbeddedBroker.shared().url());
    String external = System.getenv("SPIME_MQTT_URL");
    if (external != null && !external.isBlank()) {
      urls.add(external);
    }
    return urls;
  }
}
