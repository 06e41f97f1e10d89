package io.spime.mqtt.internal;

import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.TransportException;
import io.spime.mqtt.TransportListener;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;

/**
 * What the transports of every client library share: a fresh link (client) per connect, so nothing
 * a dropped link kept is replayed behind our back (resending is the outbox's job), and the checks
 * for closed and not connected. Public for spime-mqtt-hivemq.
 *
 * @param <L> one connection of the client library
 */
public abstract class LinkedTransport<L extends LinkedTransport.Link> implements MqttTransport {
  /** One connection: its client, in-flight window and pending publishes. */
  public interface Link {
    boolean isConnected();

    int inFlight();

    /** Sends, waiting up to {@code timeoutMs} (not at all for 0) for room in the window. */
    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained, long timeoutMs);

    /** Disconnects with a DISCONNECT (no will), then fails what is still pending. */
    void disconnectCleanly(long timeoutMs);

    /** Fails every pending publish and releases the client, without a clean disconnect. */
    void close();
  }

  protected final MqttSettings settings;
  protected final TransportListener listener;
  private final RefusalLog refusals;
  private final Logger log;
  private volatile L link;
  private volatile boolean closed;

  protected LinkedTransport(MqttSettings settings, TransportListener listener, Logger log) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.log = log;
    this.refusals = new RefusalLog(settings.clientId(), settings.serverUri(), log);
  }

  /**
   * A new link, connected within the connect timeout.
   *
   * @throws TransportException naming why it did not connect, after telling {@code refusals}
   */
  protected abstract L open(RefusalLog refusals);

  @Override
  public final synchronized void connect() {
    if (closed) {
      throw new TransportException("transport of " + settings.clientId() + " is closed");
    }
    if (link != null && link.isConnected()) {
      return;
    }
    L previous = link;
    link = null;
    if (previous != null) {
      previous.close();
    }
    L next = open(refusals);
    refusals.connected();
    link = next;
    log.debug("{} connected to {}", settings.clientId(), settings.serverUri());
  }

  @Override
  public final boolean isConnected() {
    L current = link;
    return current != null && current.isConnected();
  }

  @Override
  public final CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
    return connected().publish(topic, payload, qos, retained, settings.connectTimeout().toMillis());
  }

  @Override
  public final CompletableFuture<Void> publishNow(String topic, byte[] payload, int qos, boolean retained) {
    return connected().publish(topic, payload, qos, retained, 0);
  }

  @Override
  public final int inFlight() {
    L current = link;
    return current == null ? 0 : current.inFlight();
  }

  @Override
  public final synchronized void disconnect() {
    L current = link;
    link = null;
    if (current != null) {
      current.disconnectCleanly(settings.connectTimeout().toMillis());
    }
  }

  @Override
  public final synchronized void close() {
    closed = true;
    disconnect();
  }

  /**
   * The link, if it is up.
   *
   * @throws TransportException if not connected
   */
  protected final L connected() {
    L current = link;
    if (current == null || !current.isConnected()) {
      throw new TransportException(settings.clientId() + " is not connected");
    }
    return current;
  }
}
