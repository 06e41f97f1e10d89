package io.spime.sim.internal.faults;

import io.spime.broker.BrokerAccess;
import io.spime.broker.EmbeddedBroker;
import java.util.Optional;

/** The run's broker: the embedded one (restartable), or an external one given by URL. */
public final class BrokerHandle implements AutoCloseable {
  private final Optional<EmbeddedBroker> embedded;
  private final String url;

  private BrokerHandle(Optional<EmbeddedBroker> embedded, String url) {
    this.embedded = embedded;
    this.url = url;
  }

  /** The external broker at this URL, or an embedded one enforcing {@code access}. */
  public static BrokerHandle open(Optional<String> externalUrl, BrokerAccess access) {
    if (externalUrl.isPresent()) {
      return new BrokerHandle(Optional.empty(), externalUrl.get());
    }
    EmbeddedBroker broker = EmbeddedBroker.start(access);
    return new BrokerHandle(Optional.of(broker), broker.url());
  }

  public String url() {
    return url;
  }

  /** Restarts the embedded broker; returns false for an external one, which the run cannot restart. */
  boolean restart() {
    embedded.ifPresent(EmbeddedBroker::restart);
    return embedded.isPresent();
  }

  @Override
  public void close() {
    embedded.ifPresent(EmbeddedBroker::close);
  }
}
