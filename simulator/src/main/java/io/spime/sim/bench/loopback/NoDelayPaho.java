package io.spime.sim.bench.loopback;

import io.spime.mqtt.MqttSockets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The same Paho MQTT 5 client as spime's transport, on the transport's sockets with TCP_NODELAY
 * ({@link MqttSockets#noDelay}) but without the transport's own in-flight bookkeeping: the loopback
 * run's measure of the broker itself.
 */
final class NoDelayPaho implements LoopbackClient, MqttCallback {
  private static final long TIMEOUT_MILLIS = 10_000;

  private final MqttAsyncClient client;
  private final Semaphore window;
  private final Consumer<byte[]> arrived;

  private NoDelayPaho(MqttAsyncClient client, int window, Consumer<byte[]> arrived) {
    this.client = client;
    this.window = new Semaphore(window);
    this.arrived = arrived;
  }

  static NoDelayPaho connect(String brokerUrl, String clientId, int window, Consumer<byte[]> arrived) {
    try {
      MqttAsyncClient client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
      NoDelayPaho paho = new NoDelayPaho(client, window, arrived);
      client.setCallback(paho);
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setCleanStart(true);
      options.setSessionExpiryInterval(0L);
      options.setAutomaticReconnect(false);
      options.setSocketFactory(MqttSockets.noDelay());
      client.connect(options).waitForCompletion(TIMEOUT_MILLIS);
      return paho;
    } catch (MqttException e) {
      throw new IllegalStateException("loopback client " + clientId + " cannot connect to "
          + brokerUrl + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void subscribe(String filter) {
    try {
      client.subscribe(new MqttSubscription(filter, 1)).waitForCompletion(TIMEOUT_MILLIS);
    } catch (MqttException e) {
      throw new IllegalStateException("cannot subscribe to " + filter + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void publish(String topic, byte[] payload) {
    try {
      if (!window.tryAcquire(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("in-flight window stayed full for " + TIMEOUT_MILLIS + " ms");
      }
      client.publish(topic, new MqttMessage(payload, 1, false, null), null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
              window.release();
            }
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the in-flight window", e);
    } catch (MqttException e) {
      window.release();
      throw new IllegalStateException("publish to " + topic + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect(TIMEOUT_MILLIS).waitForCompletion(TIMEOUT_MILLIS);
      }
      client.close(true);
    } catch (MqttException e) {
      // Closing after the measurement: nothing left to lose.
    }
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    arrived.accept(message.getPayload());
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {}

  @Override
  public void mqttErrorOccurred(MqttException exception) {}

  @Override
  public void deliveryComplete(IMqttToken token) {}

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {}

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {}
}
