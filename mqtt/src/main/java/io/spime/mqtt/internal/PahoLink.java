package io.spime.mqtt.internal;

import io.spime.mqtt.PublishRefusedException;
import io.spime.mqtt.TransportException;
import io.spime.mqtt.TransportListener;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One connection's Paho client, its in-flight window and its pending publishes. */
final class PahoLink implements MqttCallback, LinkedTransport.Link {
  private static final Logger LOG = LoggerFactory.getLogger(PahoLink.class);

  private final MqttAsyncClient client;
  private final TransportListener listener;
  private final String clientId;
  /** The window, and each pending publish's topic and, once Paho returned it, its token. */
  private final InFlight<PendingPublish> pending;
  private volatile boolean lost;

  PahoLink(MqttAsyncClient client, int maxInFlight, TransportListener listener, String clientId) {
    this.client = client;
    this.listener = listener;
    this.clientId = clientId;
    this.pending = new InFlight<>(maxInFlight, clientId);
  }

  MqttAsyncClient client() {
    return client;
  }

  /** Shrinks the window to the broker's Receive Maximum, if it announced a smaller one. */
  void limitWindow(Integer serverReceiveMaximum) {
    pending.limit(serverReceiveMaximum);
  }

  @Override
  public boolean isConnected() {
    return !lost && client.isConnected();
  }

  @Override
  public int inFlight() {
    return pending.size();
  }

  @Override
  public CompletableFuture<Void> publish(
      String topic, byte[] payload, int qos, boolean retained, long timeoutMs) {
    PendingPublish entry = new PendingPublish(topic);
    CompletableFuture<Void> done = pending.enter(entry, timeoutMs);
    try {
      MqttMessage message = new MqttMessage(payload, qos, retained, null);
      entry.token = client.publish(topic, message, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          int refusal = refusalCode(token, null);
          settle(done, refusal >= 0 ? new PublishRefusedException(clientId, topic, refusal) : null);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
          int refusal = refusalCode(token, error);
          settle(done, refusal >= 0
              ? new PublishRefusedException(clientId, topic, refusal)
              : new TransportException(clientId + ": publish to " + topic + " failed", -1, error));
        }
      });
    } catch (MqttException e) {
      settle(done, PahoTransport.wrap(clientId + ": publish to " + topic, e));
      throw PahoTransport.wrap(clientId + ": publish to " + topic, e);
    }
    if (lost) {
      settle(done, new TransportException(clientId + ": link dropped"));
    }
    return done;
  }

  /**
   * The failure reason code (0x80 or more) of a publish's PUBACK, or -1 if the broker accepted it.
   * Paho completes a QoS 1 publish "successfully" on any PUBACK; a refusal shows only in its codes.
   */
  static int refusalCode(IMqttToken token, Throwable error) {
    if (error instanceof MqttException mqtt
        && mqtt.getReasonCode() >= PublishRefusedException.FIRST_FAILURE_CODE
        && mqtt.getReasonCode() <= 0xFF) {
      return mqtt.getReasonCode();
    }
    int[] codes = token == null ? null : token.getReasonCodes();
    if (codes != null) {
      for (int code : codes) {
        if (code >= PublishRefusedException.FIRST_FAILURE_CODE) {
          return code;
        }
      }
    }
    return -1;
  }

  @Override
  public void disconnectCleanly(long timeoutMs) {
    lost = true;
    try {
      if (client.isConnected()) {
        client.disconnect(timeoutMs).waitForCompletion(timeoutMs);
      }
    } catch (MqttException e) {
      LOG.debug("{}: clean disconnect failed: {}", clientId, e.toString());
    }
    close();
  }

  @Override
  public void close() {
    lost = true;
    failPending(new TransportException(clientId + ": link closed"));
    try {
      client.disconnectForcibly(0, 0, false);
    } catch (MqttException e) {
      LOG.trace("{}: forced disconnect: {}", clientId, e.toString());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.trace("{}: close: {}", clientId, e.toString());
    }
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    connectionLost(response.getException() != null
        ? response.getException()
        : new TransportException(clientId + ": broker disconnected, reason "
            + response.getReturnCode() + " " + response.getReasonString()));
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    LOG.warn("{}: MQTT error: {}", clientId, exception.toString());
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    try {
      listener.messageArrived(topic, message.getPayload());
    } catch (RuntimeException e) {
      LOG.error("{}: listener failed on a message on {}", clientId, topic, e);
    }
  }

  @Override
  public void deliveryComplete(IMqttToken token) {}

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {}

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {}

  private void connectionLost(Throwable cause) {
    if (lost) {
      return;
    }
    lost = true;
    failPending(new TransportException(clientId + ": link dropped", -1, cause));
    try {
      listener.connectionLost(cause);
    } catch (RuntimeException e) {
      LOG.error("{}: listener failed on connection loss", clientId, e);
    }
  }

  /**
   * Fails every pending publish with {@code error}, except one whose PUBACK already refused it:
   * a broker such as HiveMQ sends the refusal and then disconnects, and the refusal's reason must
   * not be lost to that race.
   */
  private void failPending(TransportException error) {
    for (Map.Entry<CompletableFuture<Void>, PendingPublish> each : pending.snapshot().entrySet()) {
      IMqttToken token = each.getValue().token;
      int refusal = token == null ? -1 : refusalCode(token, token.getException());
      settle(each.getKey(), refusal >= 0
          ? new PublishRefusedException(clientId, each.getValue().topic, refusal)
          : error);
    }
  }

  private void settle(CompletableFuture<Void> done, Throwable error) {
    pending.settle(done, error);
  }

  /** A publish not yet acknowledged: its topic and, once Paho has returned it, its token. */
  private static final class PendingPublish {
    final String topic;
    volatile IMqttToken token;

    PendingPublish(String topic) {
      this.topic = topic;
    }
  }
}
