package io.spime.sim.bench;

import io.spime.agent.AgentStats;
import io.spime.agent.EdgeAgent;
import io.spime.sim.internal.car.VinFactory;
import io.spime.sim.internal.threads.SimThreads;
import io.spime.twin.TwinStore;
import io.spime.wire.AssetId;
import io.spime.wire.state.ConsentSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's cars: real agents with their own outboxes on shared threads, as the simulator's
 * fleet runs them. Starts them, waits for their links, drains, counts and closes them.
 */
final class BenchFleet implements AutoCloseable {
  /** The benchmark sends no downlink; its cars pin a key anyway, as a real car would. */
  private static final io.spime.wire.signing.KeyId BENCH_KEY = io.spime.wire.signing.KeyId.of("bench");
  private static final java.security.KeyPair BENCH_PAIR = io.spime.wire.signing.KeyFiles.generate();

  /** Threads all agents share: their connects block, so a few more than the cores. */
  static final int AGENT_THREADS = 8;
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final List<BenchCar> cars;
  private final ScheduledExecutorService pool;

  private BenchFleet(List<BenchCar> cars, ScheduledExecutorService pool) {
    this.cars = cars;
    this.pool = pool;
  }

  /** Starts {@code config.vehicles()} agents against {@code brokerUrl}, outboxes under {@code carsDir}. */
  static BenchFleet start(BenchConfig config, String brokerUrl, Path carsDir) {
    ScheduledExecutorService pool =
        Executors.newScheduledThreadPool(AGENT_THREADS, SimThreads.daemon("spime-bench-agents"));
    List<BenchCar> cars = new ArrayList<>(config.vehicles());
    BenchFleet fleet = new BenchFleet(cars, pool);
    try {
      for (int i = 0; i < config.vehicles(); i++) {
        AssetId vin = VinFactory.benchmarkVin(config.seed(), i);
        EdgeAgent agent = EdgeAgent.builder(vin, brokerUrl, carsDir.resolve(vin.value()))
            .scheduler(pool)
            .consent(ConsentSet.all())
            .reconnectBackoff(Duration.ofMillis(200), Duration.ofSeconds(5))
            .batchWindow(config.batchWindow())
            .transport(config.mqttClient().factory())
            .journalSegmentBytes(io.spime.sim.internal.car.CarAgents.JOURNAL_SEGMENT_BYTES)
            .downlinkKey(BENCH_KEY, BENCH_PAIR.getPublic())
            .build();
        agent.start();
        cars.add(new BenchCar(agent, new BenchSignals(config.signals(), config.seed(), i)));
      }
      return fleet;
    } catch (RuntimeException e) {
      fleet.close();
      throw e;
    }
  }

  List<BenchCar> cars() {
    return cars;
  }

  /** True when every agent's link came up within {@code limit}. */
  boolean awaitConnected(Duration limit) {
    return awaitAll(limit, car -> car.agent().stats().connected());
  }

  /** Seals what every agent holds, then waits for every outbox to empty; true if all did in time. */
  boolean drain(Duration limit) {
    for (BenchCar car : cars) {
      car.agent().flush();
    }
    return awaitAll(limit, car -> car.agent().stats().backlogBatches() == 0);
  }

  /** Calls of {@code record} that returned so far: cheap enough to read every second. */
  long recorded() {
    long total = 0;
    for (BenchCar car : cars) {
      total += car.recorded();
    }
    return total;
  }

  /** The agents' counters, summed. */
  AgentTotals totals() {
    long sealed = 0;
    long sent = 0;
    long resent = 0;
    long reconnects = 0;
    long diskWaits = 0;
    long maxDiskWait = 0;
    for (BenchCar car : cars) {
      AgentStats stats = car.agent().stats();
      sealed += stats.batchesSealed();
      sent += stats.messagesSent();
      resent += stats.messagesResent();
      reconnects += stats.reconnects();
      diskWaits += stats.recordDiskWaits();
      maxDiskWait = Math.max(maxDiskWait, stats.maxRecordDiskWaitMicros());
    }
    return new AgentTotals(sealed, sent, resent, reconnects, diskWaits, maxDiskWait);
  }

  /** Batches waiting in the outboxes now. */
  long backlogBatches() {
    long total = 0;
    for (BenchCar car : cars) {
      total += car.agent().stats().backlogBatches();
    }
    return total;
  }

  /** Compares each car's accepted samples with what the store applied for it. */
  Verification verify(TwinStore store, boolean drained, Duration drainTime) {
    long calls = 0;
    long accepted = 0;
    long refused = 0;
    long failed = 0;
    long stored = 0;
    long missing = 0;
    long extra = 0;
    int mismatched = 0;
    for (BenchCar car : cars) {
      AgentStats stats = car.agent().stats();
      long applied = store.samplesApplied(car.agent().vin());
      calls += car.recorded();
      failed += car.failed();
      accepted += stats.acceptedSamples();
      refused += stats.refusedSamples();
      stored += applied;
      missing += Math.max(0, stats.acceptedSamples() - applied);
      extra += Math.max(0, applied - stats.acceptedSamples());
      mismatched += applied == stats.acceptedSamples() ? 0 : 1;
    }
    return new Verification(calls, accepted, refused, failed, stored, missing, extra, mismatched,
        drained, backlogBatches(), drainTime);
  }

  private boolean awaitAll(Duration limit, java.util.function.Predicate<BenchCar> done) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      if (cars.stream().allMatch(done)) {
        return true;
      }
      if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
        return false;
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  /** Closes every agent, several at once (each waits for its clean disconnect), then the pool. */
  @Override
  public void close() {
    try {
      SimThreads.closeAll(cars.stream().map(BenchCar::agent).toList(), AGENT_THREADS,
          "spime-bench-close", "an agent");
    } finally {
      pool.shutdownNow();
    }
  }
}
