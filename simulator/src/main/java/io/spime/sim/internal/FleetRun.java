package io.spime.sim.internal;

import io.spime.mqtt.MqttSettings;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.sync.FleetIngest;
import io.spime.wire.SignalCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a fleet: a broker (embedded, or external), the cloud ingest into an SQLite twin store, one
 * real agent per car — on shared threads, or for the cars the scenario kills, each in a child JVM —
 * each behind a link proxy when the scenario injects faults. Drives the cars, injects the faults,
 * stops, waits for every outbox to drain, then compares each car's ledger with its twin.
 */
public final class FleetRun {
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(120);
  /** Threads all in-process agents share: their connects block, so a few more than the cores. */
  private static final int AGENT_THREADS = 8;

  private final RunConfig config;
  private final PrintWriter out;
  private final SignalCatalog catalog = SignalCatalog.builtIn();

  public FleetRun(RunConfig config, PrintWriter out) {
    this.config = config;
    this.out = out;
  }

  /** Runs the fleet and returns what it found. */
  public RunReport run() {
    Path dataDir = dataDir();
    Path storeFile = config.storeFile().orElse(dataDir.resolve("twins.db"));
    FaultPlan plan =
        FaultPlan.draw(config.scenario(), config.vehicles(), config.duration(), config.seed());
    out.printf("spime-sim: scenario %s, %d cars for %d s (seed %d)%s%n  data %s%n  store %s%n",
        config.scenario().name(), config.vehicles(), config.duration().toSeconds(), config.seed(),
        plan.outOfProcessCars() == 0 ? ""
            : ", " + plan.outOfProcessCars() + " of them in a process of their own",
        dataDir, storeFile);
    out.flush();
    ScheduledExecutorService pool =
        Executors.newScheduledThreadPool(AGENT_THREADS, SimThreads.daemon("spime-sim-agents"));
    ScheduledExecutorService clock =
        Executors.newSingleThreadScheduledExecutor(SimThreads.daemon("spime-sim-cars"));
    LatencyRecorder latency = new LatencyRecorder();
    try (BrokerHandle broker = BrokerHandle.open(config.brokerUrl());
        TwinStore store = TwinStores.sqlite(storeFile);
        FleetIngest ingest = FleetIngest.builder(broker.url(), store).onDurable(latency).build();
        LinkProxy proxy = proxyFor(broker.url())) {
      ingest.start();
      BackOffice office = office(ingest, store);
      List<io.spime.wire.Vin> vins = new ArrayList<>();
      for (int i = 0; i < config.vehicles(); i++) {
        vins.add(VinFactory.vin(config.seed(), i));
      }
      office.start(vins, System.currentTimeMillis());
      long heapBefore = HeapGauge.usedAfterGc();
      try (Fleet fleet = Fleet.start(config, broker.url(), proxy, dataDir, pool,
          plan.outOfProcessCars())) {
        RunSeries series = new RunSeries();
        List<AgentKill> kills;
        int restarts;
        try (FaultInjector faults =
            new FaultInjector(plan, fleet.all(), fleet.children(), proxy, broker)) {
          drive(fleet, clock, series, ingest, faults, office);
          office.finish(System.currentTimeMillis());
          kills = faults.kills();
          restarts = faults.restarts();
        }
        long heapPerCar = fleet.inProcess().isEmpty() ? 0
            : Math.max(0, HeapGauge.usedAfterGc() - heapBefore) / fleet.inProcess().size();
        long drainStart = System.nanoTime();
        boolean drained = Drain.await(fleet.all(), DRAIN_LIMIT);
        Duration drainTime = Duration.ofNanos(System.nanoTime() - drainStart);
        series.sample(fleet.all(), ingest.stats().appliedSamples(), 0, kills.size());
        List<CarResult> results = results(fleet, store);
        fleet.closeAll();
        RunReport report = new RunReport(config, results, ingest.stats(), drainTime, drained,
            LatencySummary.of(latency), plan.linkCuts(), plan.brokerRestarts(),
            outOfProcess(fleet, kills, restarts), heapPerCar, series.rows(), office.summary(),
            office.violations());
        config.reportFile().ifPresent(file -> writeReport(file, report, series));
        return report;
      }
    } finally {
      clock.shutdownNow();
      pool.shutdownNow();
    }
  }

  private List<CarResult> results(Fleet fleet, TwinStore store) {
    List<CarResult> results = new ArrayList<>();
    for (FleetCar car : fleet.all()) {
      Ledger.Snapshot tally = car.tally();
      results.add(new CarResult(
          car.vin(),
          tally.accepted(),
          tally.refused(),
          store.samplesApplied(car.vin()),
          TwinComparison.diverged(catalog, tally.lastValues(), store.latestSignals(car.vin())),
          car.kills(),
          car.failures(),
          TwinComparison.dtcs(tally.dtcs(), store, car.vin())));
    }
    return results;
  }

  private static OutOfProcessCars outOfProcess(Fleet fleet, List<AgentKill> kills, int restarts) {
    if (fleet.children().isEmpty()) {
      return OutOfProcessCars.NONE;
    }
    List<Long> startups = new ArrayList<>();
    long rss = -1;
    for (ChildCar child : fleet.children()) {
      startups.addAll(child.startupMillis());
      rss = Math.max(rss, child.maxRssKb());
    }
    return new OutOfProcessCars(fleet.children().size(), kills, restarts, startups, rss);
  }

  private LinkProxy proxyFor(String brokerUrl) {
    URI uri = MqttSettings.parseUrl(brokerUrl);
    return new LinkProxy(uri.getHost(), uri.getPort());
  }

  private BackOffice office(FleetIngest ingest, TwinStore store) {
    switch (config.scenario().office()) {
      case RENTAL_FLEET:
        return new RentalDesk(ingest, store, config.seed(), config.scenario().trip());
      case LIFETIME:
        return new LifetimeOffice(store, config.seed(), CarModel.LIFETIME_YEARS,
            System.currentTimeMillis(), config.duration());
      default:
        return new RegisteringOffice(store);
    }
  }

  private void drive(Fleet fleet, ScheduledExecutorService clock, RunSeries series,
      FleetIngest ingest, FaultInjector faults, BackOffice office) {
    List<VirtualCar> cars = fleet.inProcess();
    ScheduledFuture<?> ticks =
        clock.scheduleAtFixedRate(
            () -> {
              long now = System.currentTimeMillis();
              for (VirtualCar car : cars) {
                car.tick(now);
              }
            },
            0,
            VirtualCar.TICK_MILLIS,
            TimeUnit.MILLISECONDS);
    try (DriveProgress progress = new DriveProgress(config.duration(), fleet.all().size());
        OfficeTicks officeTicks = new OfficeTicks(office)) {
      long end = System.nanoTime() + config.duration().toNanos();
      while (System.nanoTime() < end) {
        long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        Thread.sleep(Math.max(1, Math.min(left, 1000)));
        officeTicks.tick(System.currentTimeMillis());
        progress.show(series.sample(fleet.all(), ingest.stats().appliedSamples(),
            faults.linksCutNow(), faults.kills().size()));
      }
      officeTicks.awaitLast();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ticks.cancel(false);
    }
    waitForTickToEnd(ticks);
    faults.restoreAll();
    for (FleetCar car : fleet.all()) {
      car.stopDriving();
    }
  }

  private void writeReport(Path file, RunReport report, RunSeries series) {
    Path csv = file.resolveSibling(stripExtension(file.getFileName().toString()) + ".csv");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the report's folder for " + file, e);
    }
    series.writeCsv(csv);
    HtmlReport.write(file, report);
    out.printf("report: %s (series: %s, latency: %s)%n", file, csv, HtmlReport.latencyCsv(file));
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static void waitForTickToEnd(ScheduledFuture<?> ticks) {
    try {
      ticks.get(1, TimeUnit.SECONDS);
    } catch (java.util.concurrent.CancellationException e) {
      // Expected: the repeating task was cancelled; a tick in progress has finished by now.
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a car's tick failed", e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("a car's tick did not finish within a second", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Path dataDir() {
    try {
      if (config.dataDir().isPresent()) {
        return Files.createDirectories(config.dataDir().get());
      }
      return Files.createTempDirectory("spime-sim-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data folder", e);
    }
  }
}
