package io.spime.sim.internal.fleet;

import io.spime.broker.BrokerAccess;
import io.spime.mqtt.MqttSettings;
import io.spime.sim.internal.access.SimIdentities;
import io.spime.sim.internal.build.RunInfo;
import io.spime.sim.internal.car.FleetCar;
import io.spime.sim.internal.faults.BrokerHandle;
import io.spime.sim.internal.faults.FaultEvent;
import io.spime.sim.internal.faults.FaultInjector;
import io.spime.sim.internal.faults.FaultPlan;
import io.spime.sim.internal.faults.LinkProxy;
import io.spime.sim.internal.keys.RunKeys;
import io.spime.sim.internal.report.RunSeries;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.internal.scenario.ShardSlice;
import io.spime.sim.internal.shard.ShardLedger;
import io.spime.sim.internal.threads.SimThreads;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One shard of a fleet spread over several machines ({@code run --shard i/N}): drives its slice of
 * the seeded fleet against an external broker, with the scenario's faults drawn for the slice, waits
 * until the external cloud ({@code spime-sim cloud}) has acknowledged every outbox, and writes the
 * slice's ledger. It has no ingest and no store: {@code spime-sim verify} compares the ledgers of
 * all shards with the cloud's store.
 */
public final class ShardRun {
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(120);
  private static final int AGENT_THREADS = 8;

  private final RunConfig config;
  private final ShardSlice shard;
  private final Path dataDir;
  private final Path ledgerFile;
  private final PrintWriter out;
  private final ConsoleMode console;
  private final RunInfo info;
  private final Optional<SimIdentities> identities;

  /**
   * @param config the whole fleet's run: its size, seed, scenario, duration, and the external broker
   * @param ledgerDir where the ledger goes, as {@code shard-i-of-N.jsonl}
   */
  public ShardRun(RunConfig config, ShardSlice shard, Path dataDir, Path ledgerDir,
      PrintWriter out, ConsoleMode console, RunInfo info) {
    this(config, shard, dataDir, ledgerDir, out, console, info, Optional.empty());
  }

  /**
   * A shard whose cars log in with {@code identities} (each as itself, on the embedded broker of a
   * run spread over processes) instead of the run's broker security.
   */
  public ShardRun(RunConfig config, ShardSlice shard, Path dataDir, Path ledgerDir,
      PrintWriter out, ConsoleMode console, RunInfo info, Optional<SimIdentities> identities) {
    if (config.brokerUrl().isEmpty()) {
      throw new IllegalArgumentException("a shard needs an external broker");
    }
    this.config = config;
    this.shard = shard;
    this.dataDir = dataDir;
    this.ledgerFile = ledgerDir.resolve(ShardLedger.fileName(shard));
    this.out = out;
    this.console = console;
    this.info = info;
    this.identities = identities;
  }

  /** Drives the slice, waits for the drain, writes the ledger; returns it. */
  public ShardLedger run() {
    int from = shard.from(config.vehicles());
    int to = shard.to(config.vehicles());
    FaultPlan plan = FaultPlan.draw(config.scenario(), to - from, config.duration(),
        config.seed() * 31 + shard.index());
    out.println(info.header());
    out.printf("shard %s: cars %d to %d of %d, scenario %s for %d s (seed %d)%s%n",
        shard, from, to - 1, config.vehicles(),
        config.scenario().name(), config.duration().toSeconds(), config.seed(),
        plan.outOfProcessCars() == 0 ? ""
            : ", " + plan.outOfProcessCars() + " of them in a process of their own");
    out.flush();
    createDirectories(ledgerFile.toAbsolutePath().getParent());
    RunKeys keys = config.keys().orElseGet(() -> RunKeys.generate(dataDir.resolve("keys")));
    ScheduledExecutorService pool =
        Executors.newScheduledThreadPool(AGENT_THREADS, SimThreads.daemon("spime-sim-agents"));
    ScheduledExecutorService clock =
        Executors.newSingleThreadScheduledExecutor(SimThreads.daemon("spime-sim-cars"));
    URI broker = MqttSettings.parseUrl(config.brokerUrl().get());
    try (BrokerHandle handle = BrokerHandle.open(config.brokerUrl(), BrokerAccess.open());
        LinkProxy proxy = new LinkProxy(broker.getHost(), broker.getPort());
        Fleet fleet = Fleet.start(config, from, to, handle.url(), proxy, dataDir, pool,
            plan.outOfProcessCars(), identities, keys.pin())) {
      RunSeries series = new RunSeries();
      List<FaultEvent> faults;
      try (FaultInjector injector =
          new FaultInjector(plan, fleet.all(), fleet.children(), proxy, handle)) {
        // No back office: the cloud registers the fleet (spime-sim cloud --register-fleet).
        DriveLoop.drive(config.duration(), console, fleet, clock, series, () -> 0, injector,
            Optional.empty());
        faults = injector.events();
      }
      long drainStart = System.nanoTime();
      boolean drained = Drain.await(fleet.all(), DRAIN_LIMIT);
      long drainMillis = (System.nanoTime() - drainStart) / 1_000_000;
      List<ShardLedger.Car> cars = new ArrayList<>();
      for (int i = 0; i < fleet.all().size(); i++) {
        FleetCar car = fleet.all().get(i);
        cars.add(new ShardLedger.Car(car.vin(), from + i, car.tally(), car.kills(),
            car.failures()));
      }
      fleet.closeAll();
      ShardLedger ledger = new ShardLedger(new ShardLedger.Header(shard, config.seed(),
          config.vehicles(), config.scenario().name(), config.duration().toMillis(), drained,
          drainMillis, info.build().describe(), faults), cars);
      ledger.write(ledgerFile);
      out.printf("shard %s: %d cars, %,d samples accepted, %d faults injected; outboxes %s"
              + " after %.1f s%nledger: %s%n", shard, cars.size(),
          cars.stream().mapToLong(car -> car.tally().accepted()).sum(), faults.size(),
          drained ? "drained" : "NOT drained (timed out)", drainMillis / 1000.0, ledgerFile);
      out.flush();
      return ledger;
    } finally {
      clock.shutdownNow();
      pool.shutdownNow();
    }
  }

  private static void createDirectories(Path dir) {
    try {
      OwnerOnlyFiles.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }
}
