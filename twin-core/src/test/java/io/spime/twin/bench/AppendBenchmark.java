package io.spime.twin.bench;

import io.spime.testkit.TestVins;
import io.spime.twin.AppendRequest;
import io.spime.twin.AppendResult;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStoreOptions;
import io.spime.twin.TwinStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Append + apply throughput into an SQLite file: each invocation appends 1,000 or 5,000 events in one
 * transaction (fold, rule checks, journal rows, snapshots, heads, query rows, commit with fsync), spread
 * over {@code events / eventsPerVehicle} vehicles drawn at random from a fleet of 10,000. The score is
 * events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class AppendBenchmark {
  @Param({"10", "100"})
  public int eventsPerVehicle;

  @Param({"POWER_LOSS_SAFE", "CRASH_SAFE"})
  public TwinStoreOptions.Durability durability;

  private Path dir;
  private TwinStore store;
  private final List<LifeGenerator> cars = new ArrayList<>();
  private long[] revisions;
  private final java.util.Random random = new java.util.Random(42);

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("spime-append-bench");
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    store = TwinStores.sqlite(dir.resolve("twin.db"), TwinStoreOptions.defaults()
        .withClock(Clock.fixed(Instant.parse("2199-01-01T00:00:00Z"), ZoneOffset.UTC))
        .withDurability(durability));
    int vehicles = 10_000;
    revisions = new long[vehicles];
    List<AppendRequest> births = new ArrayList<>();
    for (int i = 0; i < vehicles; i++) {
      LifeGenerator g = new LifeGenerator(TestVins.numbered(i), start, Duration.ofMinutes(1));
      cars.add(g);
      births.add(new AppendRequest(TestVins.numbered(i), 0, g.birth()));
    }
    List<AppendResult> done = store.appendAll(births);
    for (int i = 0; i < vehicles; i++) {
      revisions[i] = done.get(i).revision();
    }
  }

  @Benchmark
  @OperationsPerInvocation(1000)
  public List<AppendResult> transactionsOf1000Events() {
    return append(1000);
  }

  @Benchmark
  @OperationsPerInvocation(5000)
  public List<AppendResult> transactionsOf5000Events() {
    return append(5000);
  }

  private List<AppendResult> append(int events) {
    List<AppendRequest> requests = new ArrayList<>();
    int[] which = new int[events / eventsPerVehicle];
    for (int i = 0; i < which.length; i++) {
      int car = random.nextInt(cars.size());
      which[i] = car;
      requests.add(new AppendRequest(TestVins.numbered(car), revisions[car], cars.get(car).next(eventsPerVehicle)));
      revisions[car] += eventsPerVehicle;
    }
    List<AppendResult> results = store.appendAll(requests);
    for (int i = 0; i < which.length; i++) {
      if (results.get(i).revision() > revisions[which[i]]) {
        throw new IllegalStateException("revision bookkeeping is off for car " + which[i]);
      }
    }
    return results;
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
