package io.spime.agent.bench;

import io.spime.agent.EdgeAgent;
import io.spime.wire.catalog.SignalCatalog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;

/**
 * What survives kill -9: a child JVM buffers n samples while the broker is down and is killed; a
 * new process on the same files then delivers what it can. Paho's persisted buffer vs spime.
 */
final class PahoKillBench {
  private PahoKillBench() {}

  static void run(int n, boolean paho) throws Exception {
    Path dir = Bench.tempDir("kill");
    try (Mosquitto broker = new Mosquitto(dir)) {
      broker.start();
      if (paho) {
        paho(broker, dir, n);
      }
      spime(broker, dir, n);
    }
  }

  private static void paho(Mosquitto broker, Path dir, int n) throws Exception {
    {
      Process child = java(List.of(AgentBench.class.getName(), "paho-child", broker.url(),
          dir.resolve("paho").toString(), Integer.toString(n)));
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      expect(out, "connected");
      broker.stop();
      PrintWriter in = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
      in.println("go");
      expect(out, "buffered");
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      broker.start();
      PahoClients.Counter counter = new PahoClients.Counter(broker.url());
      long restart = System.nanoTime();
      MqttAsyncClient again = PahoClients.buffered(broker.url(), dir.resolve("paho"));
      again.connect(PahoClients.options()).waitForCompletion(600_000);
      double connectSeconds = (System.nanoTime() - restart) / 1e9;
      settle(() -> counter.count.get(), Duration.ofSeconds(60));
      System.out.printf("paho kill -9: %,d of %,d buffered messages delivered after restart (connect with the "
          + "persisted files took %.1f s)%n", counter.count.get(), n, connectSeconds);
      again.disconnectForcibly(1_000, 1_000, false);
      again.close(true);
      counter.close();
    }
  }

  private static void spime(Mosquitto broker, Path dir, int n) throws Exception {
    {
      Path agentDir = dir.resolve("spime");
      broker.stop();
      Process agentChild = java(List.of("io.spime.agent.ChildAgent", Bench.VIN.value(), broker.url(),
          agentDir.toString(), "0", Integer.toString(n), "1000"));
      BufferedReader agentOut = new BufferedReader(
          new InputStreamReader(agentChild.getInputStream(), StandardCharsets.UTF_8));
      expect(agentOut, "done");
      agentChild.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      broker.start();
      try (AckingPeer peer = new AckingPeer(broker.url(), SignalCatalog.builtIn());
          EdgeAgent agent = Bench.agent(broker.url(), agentDir).build()) {
        agent.start();
        Bench.await(() -> agent.stats().backlogBatches() == 0, Duration.ofMinutes(2), "spime's drain");
        System.out.printf("spime kill -9: %,d of %,d recorded samples delivered after restart%n", peer.samples.get(), n);
      }
    }
  }

  /** The child: buffers n messages in Paho while the broker is down, then waits to be killed. */
  static void child(String url, String dir, int n) throws Exception {
    MqttAsyncClient paho = PahoClients.buffered(url, Path.of(dir));
    paho.connect(PahoClients.options()).waitForCompletion(10_000);
    System.out.println("connected");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    Bench.await(() -> !paho.isConnected(), Duration.ofSeconds(30), "Paho to notice the broker is down");
    for (long k = 0; k < n; k++) {
      paho.publish(PahoClients.TOPIC, PahoClients.sample(k));
    }
    System.out.println("buffered");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  private static Process java(List<String> args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path")));
    command.addAll(args);
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static void expect(BufferedReader out, String line) throws Exception {
    String got;
    while ((got = out.readLine()) != null) {
      if (got.equals(line)) {
        return;
      }
    }
    throw new IllegalStateException("child ended before printing '" + line + "'");
  }

  private static void settle(java.util.function.LongSupplier count, Duration quiet) throws InterruptedException {
    long last = -1;
    long since = System.nanoTime();
    while (System.nanoTime() - since < quiet.toNanos()) {
      long now = count.getAsLong();
      if (now != last) {
        last = now;
        since = System.nanoTime();
      }
      Thread.sleep(100);
    }
  }
}
