package io.spime.mqtt.internal;

import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.TransportException;
import io.spime.mqtt.TransportListener;
import java.nio.charset.StandardCharsets;
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
 * fresh in-memory persistence ({@link LinkedTransport}). The in-flight window is ours ({@link PahoLink}).
 */
public final class PahoTransport extends LinkedTransport<PahoLink> {
  private static final Logger LOG = LoggerFactory.getLogger(PahoTransport.class);

  public PahoTransport(MqttSettings settings, TransportListener listener) {
    super(settings, listener, LOG);
  }

  @Override
  protected PahoLink open(RefusalLog refusals) {
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
      next.limitWindow(token.getResponseProperties() == null
          ? null
          : token.getResponseProperties().getReceiveMaximum());
    } catch (MqttException e) {
      next.close();
      refusals.failed(e.getReasonCode(), e);
      throw new TransportException("cannot connect " + settings.clientId() + " to " + settings.serverUri() + ": "
          + ConnectFailures.describe(e.getReasonCode(), e, settings.serverUri()), e.getReasonCode(), e);
    }
    return next;
  }

  @Override
  public void subscribe(String topicFilter, int qos) {
    PahoLink current = connected();
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
}
