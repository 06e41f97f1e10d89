package io.spime.sim.bench;

import io.spime.broker.EmbeddedBroker;
import io.spime.sim.bench.loopback.BrokerLoopback;
import io.spime.sim.bench.loopback.LoopbackResult;
import io.spime.sim.bench.loopback.LoopbackShape;
import io.spime.twin.TwinStores;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One benchmark run on one embedded broker: the broker's loopback limit (wildcard, shared, and
 * wildcard with TCP_NODELAY) with payloads of the end-to-end run's batch size, then the end-to-end run.
 */
public final class BenchRun {
  private static final Logger LOG = LoggerFactory.getLogger(BenchRun.class);

  private BenchRun() {}

  /**
   * Runs both halves and returns what they measured.
   *
   * @throws io.spime.broker.BrokerException if the broker cannot start
   * @throws UncheckedIOException if the data folder cannot be created
   */
  public static BenchReport run(BenchConfig config, PrintWriter out) {
    int payloadBytes = BatchShape.payloadBytes(config);
    Path dataDir = dataDir(config);
    out.printf(Locale.ROOT, "spime-sim bench: %,d cars × %d signals × %d Hz = %,d samples/s,"
        + " batch window %d ms (%d samples in %d batch(es) per car, median %d B), %d s after %d s"
        + " warm-up, seed %d%n  data %s%n  store %s%n", config.vehicles(), config.signals(), config.rateHz(),
        config.offeredSamplesPerSecond(), config.batchWindow().toMillis(), config.samplesPerBatch(),
        BenchSignals.priorities(config.signals()), payloadBytes, config.duration().toSeconds(),
        config.warmup().toSeconds(), config.seed(), dataDir, TwinStores.redact(EndToEnd.storeOf(config, dataDir)));
    out.flush();
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      out.printf(Locale.ROOT, "broker loopback: %d s each after %d s warm-up%n",
          config.loopbackMeasure().toSeconds(), config.loopbackWarmup().toSeconds());
      out.flush();
      List<LoopbackResult> loopbacks = new ArrayList<>();
      for (LoopbackShape shape : LoopbackShape.all()) {
        loopbacks.add(loopback(config, broker, shape, payloadBytes, out));
      }
      out.println("end to end:");
      out.flush();
      EndToEndResult endToEnd = new EndToEnd(config, out).run(broker.url(), dataDir);
      return new BenchReport(config, loopbacks, endToEnd);
    } finally {
      if (config.dataDir().isEmpty()) {
        deleteQuietly(dataDir);
      }
    }
  }

  private static LoopbackResult loopback(
      BenchConfig config, EmbeddedBroker broker, LoopbackShape shape, int payloadBytes,
      PrintWriter out) {
    LoopbackResult result = BrokerLoopback.run(broker.url(), shape, payloadBytes,
        config.loopbackWarmup(), config.loopbackMeasure(), config.seed());
    out.printf(Locale.ROOT, "  %-8s %,.0f messages/s, %.2f MB/s%n", result.shape(),
        result.messagesPerSecond(), result.megabytesPerSecond());
    out.flush();
    return result;
  }

  private static Path dataDir(BenchConfig config) {
    try {
      if (config.dataDir().isPresent()) {
        return OwnerOnlyFiles.createDirectories(config.dataDir().get());
      }
      return Files.createTempDirectory("spime-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data folder", e);
    }
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("could not delete the benchmark folder {}: {}", root, e.toString());
    }
  }
}
