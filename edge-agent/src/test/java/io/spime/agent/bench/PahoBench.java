package io.spime.agent.bench;

import io.spime.agent.AckMode;
import io.spime.agent.EdgeAgent;
import io.spime.wire.catalog.SignalCatalog;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Side by side in one run: Paho's persisted disconnected buffer vs the spime outbox, n samples each
 * while the broker is down, then the drain when it is back. Paho sends one JSON message per sample
 * (its unit is the message); spime records samples and sends batches.
 */
final class PahoBench {
  private PahoBench() {}

  static void run(int n) throws Exception {
    Path dir = Bench.tempDir("paho");
    try (Mosquitto broker = new Mosquitto(dir)) {
      broker.start();
      MqttAsyncClient paho = PahoClients.buffered(broker.url(), dir.resolve("paho"));
      paho.connect(PahoClients.options()).waitForCompletion(10_000);
      broker.stop();
      Bench.await(() -> !paho.isConnected(), Duration.ofSeconds(30), "Paho to notice the broker is down");
      long start = System.nanoTime();
      long refused = 0;
      for (long k = 0; k < n; k++) {
        try {
          paho.publish(PahoClients.TOPIC, PahoClients.sample(k));
        } catch (MqttException e) {
          refused++;
        }
      }
      double offline = (System.nanoTime() - start) / 1e9;
      System.out.printf("paho offline: %,d messages buffered in %.2f s = %,.0f msg/s (%d refused by publish)%n",
          n - refused, offline, (n - refused) / offline, refused);
      broker.start();
      long back = System.nanoTime();
      PahoClients.Counter counter = new PahoClients.Counter(broker.url());
      long buffered = n - refused;
      Bench.await(() -> counter.count.get() >= buffered, Duration.ofMinutes(10), "Paho's drain");
      System.out.printf("paho drain: first message %.1f s after the broker was back; %,d messages in %.2f s "
              + "= %,.0f msg/s%n", (counter.firstNanos - back) / 1e9, counter.count.get(),
          (counter.lastNanos - counter.firstNanos) / 1e9,
          counter.count.get() / Math.max(1e-9, (counter.lastNanos - counter.firstNanos) / 1e9));
      counter.close();
      paho.disconnect().waitForCompletion(5_000);
      paho.close();
      spime(broker, dir.resolve("spime"), n);
    }
  }

  private static void spime(Mosquitto broker, Path dir, int n) throws Exception {
    broker.stop();
    int[] signals = Bench.numericSignals(SignalCatalog.builtIn());
    try (EdgeAgent agent = Bench.agent(broker.url(), dir).ackMode(AckMode.BROKER).build()) {
      agent.start();
      long start = System.nanoTime();
      Bench.record(agent, signals, 0, n);
      agent.flush();
      double offline = (System.nanoTime() - start) / 1e9;
      System.out.printf("spime offline: %,d samples recorded and sealed in %.3f s = %,.0f samples/s (%d batches)%n",
          n, offline, n / offline, agent.stats().backlogBatches());
      broker.start();
      long back = System.nanoTime();
      Bench.await(() -> agent.stats().connected(), Duration.ofMinutes(2), "spime to reconnect");
      long connected = System.nanoTime();
      Bench.await(() -> agent.stats().backlogBatches() == 0, Duration.ofMinutes(2), "spime's drain");
      long drained = System.nanoTime();
      System.out.printf("spime drain: connected %.2f s after the broker was back; %,d samples in %.3f s = "
              + "%,.0f samples/s%n", (connected - back) / 1e9, n, (drained - connected) / 1e9,
          n / ((drained - connected) / 1e9));
    }
  }
}
