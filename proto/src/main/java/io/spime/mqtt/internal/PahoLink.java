package io.spime.mqtt.internal;

import io.spime.mqtt.TransportException;
import io.spime.mqtt.TransportListener;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One connection's Paho client, its in-flight window and its pending publishes. */
final class PahoLink implements MqttCallback {
  private static final Logger LOG = LoggerFactory.getLogger(PahoLink.class);

  private final MqttAsyncClient client;
  private final TransportListener listener;
  private final String clientId;
  private final Semaphore window;
  private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean lost;

  PahoLink(MqttAsyncClient client, int maxInFlight, TransportListener listener, String clientId) {
    this.client = client;
    this.listener = listener;
    this.clientId = clientId;
    this.window = new Semaphore(maxInFlight);
  }

  MqttAsyncClient client() {
    return client;
  }

  /** Shrinks the window to the broker's Receive Maximum, if it announced a smaller one. */
  void limitWindow(Integer serverReceiveMaximum) {
    if (serverReceiveMaximum != null && serverReceiveMaximum > 0) {
      int excess = window.availablePermits() - serverReceiveMaximum;
      if (excess > 0) {
        window.acquireUninterruptibly(excess);
      }
    }
  }

  boolean isConnected() {
    return !lost && client.isConnected();
  }

  int inFlight() {
    return pending.size();
  }

  CompletableFuture<Void> publish(
      String topic, byte[] payload, int qos, boolean retained, long timeoutMs) {
    try {
      boolean room = timeoutMs <= 0
          ? window.tryAcquire()
          : window.tryAcquire(PahoTransport.waitMillis(timeoutMs), TimeUnit.MILLISECONDS);
      if (!room) {
        throw new TransportException(
            clientId + ": in-flight window stayed full for " + timeoutMs + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(clientId + ": interrupted waiting for the in-flight window");
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    pending.add(done);
    done.whenComplete((ignored, error) -> {
      if (pending.remove(done)) {
        window.release();
      }
    });
    try {
      MqttMessage message = new MqttMessage(payload, qos, retained, null);
      client.publish(topic, message, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          done.complete(null);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
          done.completeExceptionally(
              new TransportException(clientId + ": publish to " + topic + " failed", -1, error));
        }
      });
    } catch (MqttException e) {
      done.completeExceptionally(PahoTransport.wrap(clientId + ": publish to " + topic, e));
      throw PahoTransport.wrap(clientId + ": publish to " + topic, e);
    }
    if (lost) {
      done.completeExceptionally(new TransportException(clientId + ": link dropped"));
    }
    return done;
  }

  void disconnectCleanly(long timeoutMs) {
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

  /** Fails every pending publish and releases the client, without a clean disconnect. */
  void close() {
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

  private void failPending(TransportException error) {
    for (CompletableFuture<Void> future : Set.copyOf(pending)) {
      future.completeExceptionally(error);
    }
  }
}
