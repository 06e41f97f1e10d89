package io.spime.agent.bench;

import io.spime.agent.EdgeAgent;
import io.spime.agent.EdgeAgentBuilder;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.catalog.SignalType;
import io.spime.wire.state.ConsentSet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Shared helpers of the benchmarks: VIN, offline URL, the numeric built-in signals, timing. */
final class Bench {
  static final AssetId VIN = AssetId.parse("1M8GDM9AXKP042788");
  static final long T0 = 1_700_000_000_000L;

  private Bench() {}

  static Path tempDir(String name) throws IOException {
    return Files.createTempDirectory("spime-bench-" + name + "-");
  }

  static String closedUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "tcp://127.0.0.1:" + socket.getLocalPort();
    }
  }

  static int[] numericSignals(SignalCatalog catalog) {
    return catalog.signals().stream()
        .filter(s -> s.type() == SignalType.FLOAT || s.type() == SignalType.INTEGER)
        .mapToInt(SignalDefinition::id).toArray();
  }

  static EdgeAgentBuilder agent(String url, Path dir) {
    return EdgeAgent.builder(VIN, url, dir).consent(ConsentSet.all())
        .reconnectBackoff(Duration.ofMillis(50), Duration.ofSeconds(1));
  }

  /** Records n samples: the signals in turn, each on a 100 ms grid, values moving slowly. */
  static void record(EdgeAgent agent, int[] signals, long from, long n) {
    for (long k = from; k < from + n; k++) {
      int signal = signals[(int) (k % signals.length)];
      long tick = k / signals.length;
      agent.record(signal, T0 + tick * 100, (tick + signal) % 1_000);
    }
  }

  static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  static String percentiles(long[] nanos, int count) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return String.format("p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs",
        sorted[count / 2] / 1e3, sorted[(int) (count * 0.99)] / 1e3, sorted[(int) (count * 0.999)] / 1e3,
        sorted[count - 1] / 1e3);
  }

  static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  static List<String> machine() {
    return List.of("JDK " + System.getProperty("java.version"), Runtime.getRuntime().availableProcessors() + " CPUs",
        "max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
  }
}
