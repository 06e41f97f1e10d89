package io.spime.mqtt.hivemq.internal;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.TransportException;
import io.spime.mqtt.TransportListener;
import io.spime.mqtt.internal.ConnectFailures;
import io.spime.mqtt.internal.RefusalLog;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttTransport} on the HiveMQ MQTT 5 client, its sockets on the JVM's shared event loops.
 * Every connect makes a fresh client, so nothing a dropped link kept is replayed behind our back:
 * resending is the outbox's job. The in-flight window is ours ({@link HiveMqLink}).
 */
public final class HiveMqTransport implements MqttTransport {
  private static final Logger LOG = LoggerFactory.getLogger(HiveMqTransport.class);

  private final MqttSettings settings;
  private final TransportListener listener;
  private final RefusalLog refusals;
  private volatile HiveMqLink link;
  private volatile boolean closed;

  /**
   * A transport for these settings, not yet connected.
   *
   * @throws TransportException if the settings hold TLS only as a socket factory
   */
  public HiveMqTransport(MqttSettings settings, TransportListener listener) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.refusals = new RefusalLog(settings.clientId(), settings.serverUri(), LOG);
    HiveMqClients.build(settings, context -> { }); // fails now, not at the first connect, on unusable settings
  }

  @Override
  public synchronized void connect() {
    if (closed) {
      throw new TransportException("transport of " + settings.clientId() + " is closed");
    }
    if (link != null && link.isConnected()) {
      return;
    }
    dropLink();
    HiveMqLink next = new HiveMqLink(settings, listener);
    long timeoutMs = HiveMqClients.connectTimeoutMillis(settings);
    try {
      Mqtt5ConnAck ack = next.connect(settings).get(timeoutMs + 1_000, TimeUnit.MILLISECONDS);
      next.limitWindow(ack.getRestrictions().getReceiveMaximum());
    } catch (ExecutionException e) {
      next.close();
      Throwable cause = e.getCause();
      int code = cause instanceof Mqtt5ConnAckException refused ? refused.getMqttMessage().getReasonCode().getCode() : -1;
      refusals.failed(code, cause);
      throw new TransportException("cannot connect " + settings.clientId() + " to " + settings.serverUri() + ": "
          + ConnectFailures.describe(code, cause, settings.serverUri()), code, cause);
    } catch (TimeoutException e) {
      next.close();
      throw new TransportException("cannot connect " + settings.clientId() + " to " + settings.serverUri()
          + ": no CONNACK within " + timeoutMs + " ms", -1, e);
    } catch (InterruptedException e) {
      next.close();
      Thread.currentThread().interrupt();
      throw new TransportException(settings.clientId() + ": interrupted while connecting", -1, e);
    }
    refusals.connected();
    link = next;
    LOG.debug("{} connected to {}", settings.clientId(), settings.serverUri());
  }

  @Override
  public boolean isConnected() {
    HiveMqLink current = link;
    return current != null && current.isConnected();
  }

  @Override
  public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
    return connected().publish(topic, payload, qos, retained, settings.connectTimeout().toMillis());
  }

  @Override
  public CompletableFuture<Void> publishNow(String topic, byte[] payload, int qos, boolean retained) {
    return connected().publish(topic, payload, qos, retained, 0);
  }

  @Override
  public void subscribe(String topicFilter, int qos) {
    HiveMqLink current = connected();
    Mqtt5SubAck ack;
    try {
      ack = current.client().subscribeWith().topicFilter(topicFilter).qos(HiveMqClients.qos(qos)).send()
          .get(HiveMqClients.connectTimeoutMillis(settings), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Mqtt5SubAckException refused) {
        throw refusal(topicFilter, refused.getMqttMessage().getReasonCodes());
      }
      throw new TransportException("cannot subscribe " + settings.clientId() + " to " + topicFilter + ": "
          + e.getCause(), -1, e.getCause());
    } catch (TimeoutException e) {
      throw new TransportException("cannot subscribe " + settings.clientId() + " to " + topicFilter
          + ": no SUBACK in time", -1, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(settings.clientId() + ": interrupted while subscribing", -1, e);
    }
    if (ack.getReasonCodes().stream().anyMatch(Mqtt5SubAckReasonCode::isError)) {
      throw refusal(topicFilter, ack.getReasonCodes());
    }
  }

  @Override
  public int inFlight() {
    HiveMqLink current = link;
    return current == null ? 0 : current.inFlight();
  }

  @Override
  public synchronized void disconnect() {
    HiveMqLink current = link;
    link = null;
    if (current != null) {
      current.disconnectCleanly(settings.connectTimeout().toMillis());
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    disconnect();
  }

  private HiveMqLink connected() {
    HiveMqLink current = link;
    if (current == null || !current.isConnected()) {
      throw new TransportException(settings.clientId() + " is not connected");
    }
    return current;
  }

  private void dropLink() {
    HiveMqLink previous = link;
    link = null;
    if (previous != null) {
      previous.close();
    }
  }

  private TransportException refusal(String topicFilter, List<Mqtt5SubAckReasonCode> codes) {
    int code = codes.stream().filter(Mqtt5SubAckReasonCode::isError).findFirst()
        .map(Mqtt5SubAckReasonCode::getCode).orElse(-1);
    return new TransportException("broker refused subscription " + topicFilter + " with reason " + code, code, null);
  }
}
