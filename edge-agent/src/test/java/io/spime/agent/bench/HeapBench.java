package io.spime.agent.bench;

import io.spime.agent.AckMode;
import io.spime.agent.AgentStats;
import io.spime.agent.EdgeAgent;
import io.spime.wire.catalog.SignalCatalog;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/** Steady state with 300 signals at 10 Hz, sent to Mosquitto: heap used after GC, every 10 s. */
final class HeapBench {
  private HeapBench() {}

  static void run(int seconds) throws Exception {
    SignalCatalog catalog = BenchCatalog.of(300);
    Path dir = Bench.tempDir("heap");
    try (Mosquitto broker = new Mosquitto(dir)) {
      broker.start();
      long before = Bench.usedHeapAfterGc();
      try (EdgeAgent agent = Bench.agent(broker.url(), dir).catalog(catalog).ackMode(AckMode.BROKER).build()) {
        agent.start();
        long maxAfterWarmup = 0;
        long next = System.nanoTime();
        for (int tick = 0; tick < seconds * 10; tick++) {
          long time = Bench.T0 + tick * 100L;
          for (int signal = 1; signal <= 300; signal++) {
            agent.record(signal, time, (tick * 7 + signal) % 1_000 * 0.1);
          }
          next += 100_000_000L;
          LockSupport.parkNanos(next - System.nanoTime());
          if (tick % 100 == 99) {
            long used = Bench.usedHeapAfterGc();
            if (tick >= 200) {
              maxAfterWarmup = Math.max(maxAfterWarmup, used);
            }
            AgentStats stats = agent.stats();
            System.out.printf("heap: t=%3d s used after GC %5.1f MB (max heap %d MB); accepted %,d, sent %,d, backlog %d%n",
                (tick + 1) / 10, used / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576,
                stats.acceptedSamples(), stats.messagesSent(), stats.backlogBatches());
          }
        }
        System.out.printf("heap: steady state (after 20 s) max used after GC %.1f MB for the whole JVM; "
            + "%.1f MB before the agent started%n", maxAfterWarmup / 1048576.0, before / 1048576.0);
      }
    }
  }
}
