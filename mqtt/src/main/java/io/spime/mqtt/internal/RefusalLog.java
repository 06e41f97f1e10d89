package io.spime.mqtt.internal;

import java.net.URI;
import java.util.Optional;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a broker's refusal (credentials, authorization, TLS) at ERROR once per change of reason, not
 * once per retry: a client that retries every few seconds with a wrong password says so once, and
 * again only when the reason changes or after it connected in between.
 */
final class RefusalLog {
  private static final Logger LOG = LoggerFactory.getLogger(PahoTransport.class);

  private final String clientId;
  private final URI broker;
  private String lastKind;

  RefusalLog(String clientId, URI broker) {
    this.clientId = clientId;
    this.broker = broker;
  }

  synchronized void failed(MqttException e) {
    Optional<ConnectFailures.Refusal> refusal = ConnectFailures.refusal(e, broker);
    if (refusal.isEmpty()) {
      lastKind = null;
      return;
    }
    if (!refusal.get().kind().equals(lastKind)) {
      lastKind = refusal.get().kind();
      LOG.error("{}: {} (logged again only when the reason changes)", clientId, refusal.get().reason());
    }
  }

  synchronized void connected() {
    if (lastKind != null) {
      LOG.info("{}: connected to {} after it had refused the connection ({})", clientId, broker, lastKind);
      lastKind = null;
    }
  }
}
