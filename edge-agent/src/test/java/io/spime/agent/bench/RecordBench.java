package io.spime.agent.bench;

import io.spime.agent.AgentStats;
import io.spime.agent.EdgeAgent;
import io.spime.wire.Priority;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.SignalRule;
import java.nio.file.Path;
import java.util.Map;

/** record() throughput into the journal and outbox, with latency percentiles, and the CRITICAL cost. */
final class RecordBench {
  private RecordBench() {}

  static void run(long samples) throws Exception {
    Path dir = Bench.tempDir("record");
    int[] signals = Bench.numericSignals(SignalCatalog.builtIn());
    try (EdgeAgent agent = Bench.agent(Bench.closedUrl(), dir).outboxMaxBytes(1L << 30).build()) {
      agent.start();
      Bench.record(agent, signals, 0, 1_000_000); // warm-up, not measured
      agent.flush();
      long[] latencies = new long[(int) (samples / 64) + 1];
      int sampled = 0;
      long start = System.nanoTime();
      for (long k = 1_000_000; k < 1_000_000 + samples; k++) {
        int signal = signals[(int) (k % signals.length)];
        long tick = k / signals.length;
        if ((k & 63) == 0) {
          long t = System.nanoTime();
          agent.record(signal, Bench.T0 + tick * 100, (tick + signal) % 1_000);
          latencies[sampled++] = System.nanoTime() - t;
        } else {
          agent.record(signal, Bench.T0 + tick * 100, (tick + signal) % 1_000);
        }
      }
      long recorded = System.nanoTime() - start;
      agent.flush();
      long sealed = System.nanoTime() - start;
      AgentStats stats = agent.stats();
      System.out.printf("record: %,d samples of %d signals in %.2f s = %,.0f samples/s (%,.0f samples/s "
              + "including the final seal)%n", samples, signals.length, recorded / 1e9, samples / (recorded / 1e9),
          samples / (sealed / 1e9));
      System.out.println("record latency (every 64th call): " + Bench.percentiles(latencies, sampled));
      System.out.printf("outbox: %,d batches, %,d bytes = %.2f B/sample; record calls that waited on disk: %d "
              + "(longest %,d µs)%n", stats.backlogBatches(), stats.backlogBytes(),
          (double) stats.backlogBytes() / stats.acceptedSamples(), stats.recordDiskWaits(),
          stats.maxRecordDiskWaitMicros());
    }
    critical(Bench.tempDir("critical"));
  }

  /** The cost of a CRITICAL sample: the journal is flushed to the device (msync) before record returns. */
  private static void critical(Path dir) throws Exception {
    int count = 2_000;
    try (EdgeAgent agent = Bench.agent(Bench.closedUrl(), dir)
        .policy(new CollectionPolicy(1, Map.of(7, SignalRule.everySample().withPriority(Priority.CRITICAL))))
        .build()) {
      agent.start();
      long[] latencies = new long[count];
      for (int i = 0; i < count; i++) {
        long t = System.nanoTime();
        agent.record(7, Bench.T0 + i, 90 + i % 10);
        latencies[i] = System.nanoTime() - t;
      }
      System.out.println("CRITICAL record (msync before return), " + count + " calls: "
          + Bench.percentiles(latencies, count));
    }
  }
}
