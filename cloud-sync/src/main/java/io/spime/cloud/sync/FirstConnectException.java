package io.spime.cloud.sync;

import java.time.Duration;

/**
 * {@link FleetIngest#start()} could not connect to the broker and subscribe within the builder's
 * {@code firstConnectTimeout}: the broker is down or unreachable, or it refuses this client
 * (credentials, authorization, TLS). The message names the broker and the last reason; the cause is
 * the last attempt's error.
 */
public final class FirstConnectException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String brokerUrl;

  public FirstConnectException(String brokerUrl, Duration waited, int attempts, RuntimeException lastFailure) {
    super("the ingest could not connect to " + brokerUrl + " in " + attempts + " attempt(s) over "
        + waited.toSeconds() + " s: " + lastFailure.getMessage(), lastFailure);
    this.brokerUrl = brokerUrl;
  }

  /** The broker the ingest tried. */
  public String brokerUrl() {
    return brokerUrl;
  }
}
