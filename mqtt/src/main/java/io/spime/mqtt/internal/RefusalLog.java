package io.spime.mqtt.internal;

import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Logs a broker's refusal (credentials, authorization, TLS) at ERROR once per change of reason, not
 * once per retry: a client that retries every few seconds with a wrong password says so once, and
 * again only when the reason changes or after it connected in between. Public for spime-mqtt-hivemq.
 */
public final class RefusalLog {
  private final Logger log;

  private final String clientId;
  private final URI broker;
  private String lastKind;

  /** Logs the refusals of {@code clientId} to {@code broker} on {@code log}, the transport's logger. */
  public RefusalLog(String clientId, URI broker, Logger log) {
    this.log = log;
    this.clientId = clientId;
    this.broker = broker;
  }

  /** Logs a failed connect (its MQTT reason code, or -1) at ERROR if it is a new refusal. */
  public synchronized void failed(int reasonCode, Throwable e) {
    Optional<ConnectFailures.Refusal> refusal = ConnectFailures.refusal(reasonCode, e, broker);
    if (refusal.isEmpty()) {
      lastKind = null;
      return;
    }
    if (!refusal.get().kind().equals(lastKind)) {
      lastKind = refusal.get().kind();
      log.error("{}: {} (logged again only when the reason changes)", clientId, refusal.get().reason());
    }
  }

  /** Notes a successful connect. */
  public synchronized void connected() {
    if (lastKind != null) {
      log.info("{}: connected to {} after it had refused the connection ({})", clientId, broker, lastKind);
      lastKind = null;
    }
  }
}
