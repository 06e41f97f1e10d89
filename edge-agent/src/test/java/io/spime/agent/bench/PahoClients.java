package io.spime.agent.bench;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MqttDefaultFilePersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** The setup a user of Paho alone would pick: file persistence and a persisted disconnected buffer. */
final class PahoClients {
  static final String TOPIC = "bench/paho/samples";

  private PahoClients() {}

  /** A Paho v5 client with MqttDefaultFilePersistence under {@code dir}, buffer persisted, auto reconnect. */
  static MqttAsyncClient buffered(String url, Path dir) throws MqttException {
    MqttAsyncClient client = new MqttAsyncClient(url, "bench-paho", new MqttDefaultFilePersistence(dir.toString()));
    DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
    buffer.setBufferEnabled(true);
    buffer.setBufferSize(1_000_000);
    buffer.setPersistBuffer(true);
    buffer.setDeleteOldestMessages(false);
    client.setBufferOpts(buffer);
    return client;
  }

  static MqttConnectionOptions options() {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(false);
    options.setSessionExpiryInterval(3_600L);
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 2);
    return options;
  }

  /** A sample as one JSON message, what a user of Paho alone would send. */
  static MqttMessage sample(long n) {
    String json = "{\"path\":\"Vehicle.Speed\",\"t\":" + (Bench.T0 + n * 100) + ",\"v\":" + (n % 1_000) * 0.1 + "}";
    MqttMessage message = new MqttMessage(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    message.setQos(1);
    return message;
  }

  /** A subscriber that counts messages on {@link #TOPIC} and notes the first and last arrival. */
  static final class Counter implements MqttCallback {
    final AtomicLong count = new AtomicLong();
    volatile long firstNanos;
    volatile long lastNanos;
    private final MqttAsyncClient client;

    Counter(String url) throws MqttException {
      client = new MqttAsyncClient(url, "bench-counter-" + System.nanoTime(), null);
      client.setCallback(this);
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setCleanStart(true);
      options.setReceiveMaximum(65_535);
      client.connect(options).waitForCompletion(10_000);
      client.subscribe(TOPIC, 1).waitForCompletion(10_000);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      long now = System.nanoTime();
      if (count.getAndIncrement() == 0) {
        firstNanos = now;
      }
      lastNanos = now;
    }

    void close() throws MqttException {
      client.disconnect().waitForCompletion(5_000);
      client.close();
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
}
