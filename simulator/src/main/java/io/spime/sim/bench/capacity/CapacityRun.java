package io.spime.sim.bench.capacity;

import io.spime.broker.EmbeddedBroker;
import io.spime.cloud.sync.FleetIngest;
import io.spime.sim.bench.loopback.BrokerLoopback;
import io.spime.sim.bench.loopback.LoopbackResult;
import io.spime.sim.bench.loopback.LoopbackShape;
import io.spime.sim.bench.loopback.PerSecond;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One capacity run: encodes the load, lets the load publishers saturate the real ingest ({@link
 * FleetIngest} into the twin store) for the warm-up and the measured time, waits for the last acks
 * and counts every VIN's samples; then, on the same broker and the JVM now warm, measures the
 * broker's loopback with payloads of the load's size.
 */
public final class CapacityRun {
  private static final Logger LOG = LoggerFactory.getLogger(CapacityRun.class);
  private static final Duration LOOPBACK_WARMUP = Duration.ofSeconds(3);
  private static final Duration LOOPBACK_MEASURE = Duration.ofSeconds(10);
  /** Loopback messages ahead of its subscriber: half of Mosquitto's default queue per client. */
  private static final int LOOPBACK_AHEAD = 500;
  private static final Duration ACK_LIMIT = Duration.ofMinutes(3);
  private static final int PROGRESS_EVERY_SECONDS = 10;

  private final CapacityConfig config;
  private final PrintWriter out;

  private CapacityRun(CapacityConfig config, PrintWriter out) {
    this.config = config;
    this.out = out;
  }

  /**
   * Runs it and returns what it measured; progress goes to {@code out}.
   *
   * @throws io.spime.broker.BrokerException if the embedded broker cannot start
   * @throws io.spime.mqtt.TransportException if a load connection cannot connect
   * @throws UncheckedIOException if the temporary folder cannot be created
   */
  public static CapacityResult run(CapacityConfig config, PrintWriter out) {
    return new CapacityRun(config, out).run();
  }

  private CapacityResult run() {
    long encodeStart = System.nanoTime();
    PreEncodedLoad load = PreEncodedLoad.encode(config, System.currentTimeMillis());
    int payloadBytes = load.medianPayloadBytes();
    print("spime-sim bench --capacity: %,d VINs × %d signals × %d Hz in 1 s batches (%d samples, median"
        + " %,d B), %d publishers, %d s after %d s warm-up, seed %d%n  encoded %d window(s) per VIN in"
        + " %.1f s%n", config.vins(), CapacityConfig.SIGNALS, CapacityConfig.RATE_HZ,
        CapacityConfig.samplesPerBatch(), payloadBytes, config.publishers(), config.duration().toSeconds(),
        config.warmup().toSeconds(), config.seed(), load.windows(),
        (System.nanoTime() - encodeStart) / 1e9);
    Path temp = config.store().isPresent() ? null : tempDir();
    String storeLocation = config.store().orElseGet(() -> temp.resolve("twins.db").toString());
    try (EmbeddedBroker embedded = config.broker().isPresent() ? null : EmbeddedBroker.start()) {
      String url = embedded == null ? config.broker().get() : embedded.url();
      String brokerName = embedded == null ? url : "embedded";
      print("  broker %s%n  store %s%n", brokerName, TwinStores.redact(storeLocation));
      return saturate(load, url, storeLocation, payloadBytes, brokerName);
    } finally {
      if (temp != null) {
        deleteQuietly(temp);
      }
    }
  }

  private LoopbackResult loopback(String url, int payloadBytes) {
    Duration warmup = config.warmup().compareTo(LOOPBACK_WARMUP) < 0 ? config.warmup() : LOOPBACK_WARMUP;
    Duration measure =
        config.duration().compareTo(LOOPBACK_MEASURE) < 0 ? config.duration() : LOOPBACK_MEASURE;
    LoopbackShape shape = LoopbackShape.all().get(0);
    LoopbackResult result =
        BrokerLoopback.run(url, shape, payloadBytes, warmup, measure, config.seed(), LOOPBACK_AHEAD);
    print("  broker loopback (%s, %d publishers): %,.0f messages/s of %,d B%n", result.shape(),
        result.publishers(), result.messagesPerSecond(), payloadBytes);
    return result;
  }

  private CapacityResult saturate(PreEncodedLoad load, String url, String storeLocation,
      int payloadBytes, String brokerName) {
    IngestTimings timings = new IngestTimings();
    try (TwinStore store = TwinStores.open(storeLocation)) {
      Measured measured;
      LoadPublishers pubs;
      try (FleetIngest ingest = FleetIngest.builder(url, store).onDurable(timings).onTransaction(timings).build()) {
        ingest.start();
        pubs = LoadPublishers.connect(url, load, config.publishers());
        try {
          measured = measure(ingest, pubs, timings);
        } finally {
          pubs.close();
        }
      }
      CapacityCheck check = count(store, load, pubs, measured.allAcked(), measured.drainTime());
      LoopbackResult loopback = loopback(url, payloadBytes);
      return new CapacityResult(config, brokerName, TwinStores.redact(storeLocation), load.windows(),
          payloadBytes, loopback, measured.seconds(), measured.samples(), measured.minSamples(),
          measured.batches(), measured.minBatches(), measured.published(), measured.latency(),
          measured.transactions(), measured.transactionsPerSecond(), measured.messagesPerTransaction(),
          measured.busy(), measured.stats(), check);
    }
  }

  /** The figures of the measured window and how the drain went. */
  private record Measured(int seconds, double samples, double minSamples, double batches,
      double minBatches, double published, Spread latency, Spread transactions,
      double transactionsPerSecond, double messagesPerTransaction, double busy,
      io.spime.cloud.sync.IngestStats stats, boolean allAcked, Duration drainTime) {}

  private Measured measure(FleetIngest ingest, LoadPublishers pubs, IngestTimings timings) {
    pubs.start();
    BrokerLoopback.sleep(config.warmup());
    timings.reset();
    long transactionsBefore = timings.transactions();
    long messagesBefore = timings.messages();
    long start = System.nanoTime();
    PerSecond rates = PerSecond.start(() -> ingest.stats().appliedSamples(),
        () -> ingest.stats().appliedBatches(), pubs::published, timings::busyNanos);
    try {
      waitMeasuring(rates);
    } finally {
      rates.close();
    }
    double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
    Spread latency = Spread.of(timings.receivedToDurable(), 1);
    Spread transactions = Spread.of(timings.transactionMicros(), 1000);
    long transactionCount = timings.transactions() - transactionsBefore;
    double perTransaction = transactionCount == 0 ? 0
        : (double) (timings.messages() - messagesBefore) / transactionCount;
    pubs.stop();
    long drainStart = System.nanoTime();
    boolean allAcked = pubs.awaitAcked(ACK_LIMIT.toNanos());
    Duration drainTime = Duration.ofNanos(System.nanoTime() - drainStart);
    return new Measured(rates.seconds(), rates.median(0), rates.min(0), rates.median(1), rates.min(1),
        rates.median(2), latency, transactions, transactionCount / seconds, perTransaction,
        Math.min(1, rates.median(3) / 1e9), ingest.stats(), allAcked, drainTime);
  }

  private void waitMeasuring(PerSecond rates) {
    long end = System.nanoTime() + config.duration().toNanos();
    long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROGRESS_EVERY_SECONDS);
    while (System.nanoTime() < end) {
      long left = end - System.nanoTime();
      BrokerLoopback.sleep(Duration.ofNanos(Math.max(1_000_000, Math.min(left, 1_000_000_000))));
      if (System.nanoTime() >= nextReport) {
        nextReport += TimeUnit.SECONDS.toNanos(PROGRESS_EVERY_SECONDS);
        print("  %3d s: applied %,.0f samples/s in %,.0f batches/s, published %,.0f batches/s%n",
            rates.seconds(), rates.latest(0), rates.latest(1), rates.latest(2));
      }
    }
  }

  /** Compares each VIN's stored samples and acked seq with what the load published for it. */
  private static CapacityCheck count(TwinStore store, PreEncodedLoad load, LoadPublishers pubs,
      boolean allAcked, Duration drainTime) {
    int perBatch = CapacityConfig.samplesPerBatch();
    long published = 0;
    long acked = 0;
    long expected = 0;
    long stored = 0;
    long missing = 0;
    long extra = 0;
    int off = 0;
    for (int car = 0; car < load.vins(); car++) {
      long seq = pubs.publishedSeq(car);
      long want = seq * perBatch;
      long have = store.samplesApplied(load.vin(car));
      published += seq;
      acked += pubs.ackedSeq(car);
      expected += want;
      stored += have;
      missing += Math.max(0, want - have);
      extra += Math.max(0, have - want);
      off += have == want && pubs.ackedSeq(car) == seq ? 0 : 1;
    }
    return new CapacityCheck(published, acked, expected, stored, missing, extra, off, allAcked, drainTime);
  }

  private void print(String format, Object... args) {
    out.printf(Locale.ROOT, format, args);
    out.flush();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("spime-capacity-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for the twin store", e);
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
