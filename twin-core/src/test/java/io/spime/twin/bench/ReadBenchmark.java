package io.spime.twin.bench;

import io.spime.testkit.TestVins;
import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.internal.json.TwinJson;
import io.spime.wire.AssetId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads of one car with 15 years of history in 100,000 events (one every 79 minutes): the current
 * twin, the twin as of a random instant of its life, and at a random revision.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ReadBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(ReadBenchmark.class);
  static final int EVENTS = 100_000;

  /** {@code postgres}: on {@code SPIME_PG_URL}'s server (or an embedded one), in a schema of its own. */
  @Param({"sqlite", "postgres"})
  public String storeKind;

  private BenchStore bench;
  private TwinStore store;
  private final AssetId vin = TestVins.numbered(42);
  private Instant born;
  private Instant last;
  private long revision;

  @Setup(Level.Trial)
  public void open() throws IOException {
    bench = BenchStore.open(storeKind, "");
    store = bench.store();
    born = Instant.parse("2025-01-01T00:00:00Z");
    LifeGenerator life = new LifeGenerator(vin, born, Duration.ofMinutes(79));
    revision = store.append(vin, 0, life.birth()).revision();
    while (revision < EVENTS) {
      revision = store.append(vin, revision, life.next((int) Math.min(5000, EVENTS - revision))).revision();
    }
    last = life.now();
    Twin head = store.twin(vin).orElseThrow();
    LOG.info("{}: car with {} events over {} days; current twin is {} bytes of JSON", storeKind,
        head.revision(), Duration.between(born, last).toDays(), TwinJson.write(head).length());
  }

  @Benchmark
  public Optional<Twin> currentTwin() {
    return store.twin(vin);
  }

  @Benchmark
  public Optional<Twin> asOfRandomInstant() {
    long span = last.toEpochMilli() - born.toEpochMilli();
    return store.asOf(vin, born.plusMillis(ThreadLocalRandom.current().nextLong(span)));
  }

  @Benchmark
  public Optional<Twin> atRandomRevision() {
    return store.atRevision(vin, 1 + ThreadLocalRandom.current().nextLong(revision));
  }

  @TearDown(Level.Trial)
  public void close() {
    bench.close();
  }
}
