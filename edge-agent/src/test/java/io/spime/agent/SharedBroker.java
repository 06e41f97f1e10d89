package io.spime.agent;

import io.spime.broker.EmbeddedBroker;

/** One embedded MQTT 5 broker for every test class of this JVM, started on first use. */
final class SharedBroker {
  private static EmbeddedBroker broker;

  private SharedBroker() {}

  static synchronized EmbeddedBroker get() {
    if (broker == null) {
      broker = EmbeddedBroker.start();
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
    }
    return broker;
  }

  static String url() {
    return get().url();
  }
}
