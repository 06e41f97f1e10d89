package io.spime.twin.bench;

import io.spime.twin.TwinStore;
import io.spime.twin.ingest.UplinkApplyResult;
import java.io.IOException;
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

/**
 * One group of 500 telemetry messages (100 samples each, 10 signals) applied through the store's
 * {@code applyUplink}, cars taken in turn from 1,000 that exist already: on SQLite, on PostgreSQL with
 * the driver's batches sent row by row ({@code reWriteBatchedInserts=false}), and rewritten into
 * multi-row inserts ({@code =true}); the signal upserts go by COPY either way. The score is milliseconds
 * per group.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class UplinkApplyBenchmark {
  static final int CARS = 1_000;
  static final int GROUP = 500;

  @Param({"sqlite", "postgres-batched", "postgres-rewritten"})
  public String way;

  private BenchStore bench;
  private TwinStore store;
  private TelemetryGroups groups;

  @Setup(Level.Trial)
  public void open() throws IOException {
    bench = BenchStore.open(way.equals("sqlite") ? "sqlite" : "postgres",
        "&reWriteBatchedInserts=" + way.equals("postgres-rewritten"));
    store = bench.store();
    groups = new TelemetryGroups(CARS);
    check(store.applyUplink(groups.next(CARS)), CARS);
  }

  @Benchmark
  public UplinkApplyResult applyGroupOf500() {
    return check(store.applyUplink(groups.next(GROUP)), GROUP);
  }

  private static UplinkApplyResult check(UplinkApplyResult r, int messages) {
    if (r.appliedMessages() != messages) {
      throw new IllegalStateException("applied " + r.appliedMessages() + " of " + messages + " messages: " + r);
    }
    return r;
  }

  @TearDown(Level.Trial)
  public void close() {
    bench.close();
  }
}
