package io.spime.mqtt.internal;

import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.TransportException;
import io.spime.mqtt.TransportListener;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttTransport} on Paho's MQTT 5 async client. Every connect makes a fresh Paho client with
 * fresh in-memory persistence, so nothing Paho kept from a dropped link is replayed behind our back:
 * resending is the outbox's job. The in-flight window is ours ({@link PahoLink}).
 */
public final class PahoTransport implements MqttTransport {
  private static final Logger LOG = LoggerFactory.getLogger(PahoTransport.class);

  private final MqttSettings settings;
  private final TransportListener listener;
  private final RefusalLog refusals;
  private volatile PahoLink link;
  private volatile boolean closed;

  public PahoTransport(MqttSettings settings, TransportListener listener) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.refusals = new RefusalLog(settings.clientId(), settings.serverUri(), LOG);
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
    MqttAsyncClient client;
    try {
      client = new MqttAsyncClient(
          settings.serverUri().toString(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw wrap("cannot create an MQTT client for " + settings.serverUri(), e);
    }
    PahoLink next = new PahoLink(client, settings.maxInFlight(), listener, settings.clientId());
    client.setCallback(next);
    long timeoutMs = settings.connectTimeout().toMillis();
    try {
      IMqttToken token = client.connect(options());
      token.waitForCompletion(timeoutMs);
      Integer serverWindow =
          token.getResponseProperties() == null
              ? null
              : token.getResponseProperties().getReceiveMaximum();
      next.limitWindow(serverWindow);
    } catch (MqttException e) {
      next.close();
      refusals.failed(e.getReasonCode(), e);
      throw new TransportException("cannot connect " + settings.clientId() + " to " + settings.serverUri() + ": "
          + ConnectFailures.describe(e.getReasonCode(), e, settings.serverUri()), e.getReasonCode(), e);
    }
    refusals.connected();
    link = next;
    LOG.debug("{} connected to {}", settings.clientId(), settings.serverUri());
  }

  @Override
  public boolean isConnected() {
    PahoLink current = link;
    return current != null && current.isConnected();
  }

  @Override
  public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
    PahoLink current = link;
    if (current == null || !current.isConnected()) {
      throw new TransportException(settings.clientId() + " is not connected");
    }
    return current.publish(topic, payload, qos, retained, settings.connectTimeout().toMillis());
  }

  @Override
  public CompletableFuture<Void> publishNow(String topic, byte[] payload, int qos, boolean retained) {
    PahoLink current = link;
    if (current == null || !current.isConnected()) {
      throw new TransportException(settings.clientId() + " is not connected");
    }
    return current.publish(topic, payload, qos, retained, 0);
  }

  @Override
  public void subscribe(String topicFilter, int qos) {
    PahoLink current = link;
    if (current == null || !current.isConnected()) {
      throw new TransportException(settings.clientId() + " is not connected");
    }
    try {
      IMqttToken token =
          current.client().subscribe(
              new MqttSubscription[] {new MqttSubscription(topicFilter, qos)},
              null,
              null,
              new MqttProperties());
      token.waitForCompletion(settings.connectTimeout().toMillis());
      int[] granted = token.getReasonCodes();
      if (granted != null && granted.length > 0 && granted[0] > 2) {
        throw new TransportException(
            "broker refused subscription " + topicFilter + " with reason " + granted[0],
            granted[0], null);
      }
    } catch (MqttException e) {
      throw wrap("cannot subscribe " + settings.clientId() + " to " + topicFilter, e);
    }
  }

  @Override
  public int inFlight() {
    PahoLink current = link;
    return current == null ? 0 : current.inFlight();
  }

  @Override
  public synchronized void disconnect() {
    PahoLink current = link;
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

  private void dropLink() {
    PahoLink previous = link;
    link = null;
    if (previous != null) {
      previous.close();
    }
  }

  private MqttConnectionOptions options() {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(settings.cleanStart());
    options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
    options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
    options.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
    options.setAutomaticReconnect(false);
    settings.will().ifPresent(will -> {
      MqttMessage message = new MqttMessage(will.payload(), will.qos(), will.retained(), null);
      options.setWill(will.topic(), message);
    });
    settings.username().ifPresent(options::setUserName);
    settings.password().ifPresent(
        password -> options.setPassword(new String(password).getBytes(StandardCharsets.UTF_8)));
    options.setSocketFactory(socketFactory());
    options.setHttpsHostnameVerificationEnabled(true);
    return options;
  }

  /**
   * TLS sockets for {@code ssl://} (the settings' factory, or the JVM's default trust store without
   * one), plain ones for {@code tcp://}; TCP_NODELAY on both.
   */
  private javax.net.SocketFactory socketFactory() {
    if (!"ssl".equals(settings.serverUri().getScheme())) {
      return NoDelaySockets.plain();
    }
    return NoDelaySockets.tls(settings.tls().orElseGet(() -> (SSLSocketFactory) SSLSocketFactory.getDefault()));
  }

  static TransportException wrap(String what, MqttException e) {
    return new TransportException(what + ": " + e.getMessage(), e.getReasonCode(), e);
  }

  static long waitMillis(long timeoutMs) {
    return TimeUnit.MILLISECONDS.toMillis(Math.max(1, timeoutMs));
  }
}
