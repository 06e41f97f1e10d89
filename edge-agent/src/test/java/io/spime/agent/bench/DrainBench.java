package io.spime.agent.bench;

import io.spime.agent.AckMode;
import io.spime.agent.AgentStats;
import io.spime.agent.EdgeAgent;
import io.spime.wire.catalog.SignalCatalog;
import java.nio.file.Path;
import java.time.Duration;

/** An offline backlog of n samples drains to a local Mosquitto: broker acks, or an acking cloud peer. */
final class DrainBench {
  private DrainBench() {}

  static void run(long samples) throws Exception {
    for (AckMode mode : AckMode.values()) {
      Path dir = Bench.tempDir("drain");
      int[] signals = Bench.numericSignals(SignalCatalog.builtIn());
      long recordStart = System.nanoTime();
      try (EdgeAgent offline = Bench.agent(Bench.closedUrl(), dir).outboxMaxBytes(1L << 30).build()) {
        offline.start();
        Bench.record(offline, signals, 0, samples);
        offline.flush();
      }
      double recordSeconds = (System.nanoTime() - recordStart) / 1e9;
      try (Mosquitto broker = new Mosquitto(dir)) {
        broker.start();
        AckingPeer peer = mode == AckMode.CLOUD ? new AckingPeer(broker.url(), SignalCatalog.builtIn()) : null;
        long start = System.nanoTime();
        try (EdgeAgent agent = Bench.agent(broker.url(), dir).ackMode(mode).build()) {
          agent.start();
          long backlog = agent.stats().backlogBatches();
          Bench.await(() -> agent.stats().backlogBatches() == 0, Duration.ofMinutes(10), "the drain");
          double seconds = (System.nanoTime() - start) / 1e9;
          AgentStats stats = agent.stats();
          System.out.printf("drain (%s acks): %,d samples in %,d batches offline (recorded in %.1f s), drained "
                  + "to Mosquitto in %.2f s = %,.0f samples/s, %,.0f messages/s%s%n", mode, samples, backlog,
              recordSeconds, seconds, samples / seconds, stats.messagesSent() / seconds,
              peer == null ? "" : "; the peer applied " + peer.samples.get() + " samples");
        } finally {
          if (peer != null) {
            peer.close();
          }
        }
      }
    }
  }
}
