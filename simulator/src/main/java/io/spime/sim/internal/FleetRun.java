package io.spime.sim.internal;

import io.spime.agent.EdgeAgent;
import io.spime.mqtt.MqttSettings;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.sync.FleetIngest;
import io.spime.wire.ConsentSet;
import io.spime.wire.SignalCatalog;
import io.spime.wire.Vin;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a fleet: a broker (embedded, or external), the cloud ingest into an SQLite twin store, one
 * real agent per car on shared threads, each behind a link proxy when the scenario injects faults.
 * Drives the cars, injects the faults, stops, waits for every outbox to drain, then compares each
 * car's ledger with its twin.
 */
public final class FleetRun {
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(120);
  /** Threads all agents share: their connects block, so a few more than the cores. */
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
    out.printf("spime-sim: scenario %s, %d cars for %d s (seed %d)%n  data %s%n  store %s%n",
        config.scenario().name(), config.vehicles(), config.duration().toSeconds(), config.seed(),
        dataDir, storeFile);
    out.flush();
    ScheduledExecutorService pool =
        Executors.newScheduledThreadPool(AGENT_THREADS, SimThreads.daemon("spime-sim-agents"));
    ScheduledExecutorService clock =
        Executors.newSingleThreadScheduledExecutor(SimThreads.daemon("spime-sim-cars"));
    FaultPlan plan =
        FaultPlan.draw(config.scenario(), config.vehicles(), config.duration(), config.seed());
    LatencyRecorder latency = new LatencyRecorder();
    try (BrokerHandle broker = BrokerHandle.open(config.brokerUrl());
        TwinStore store = TwinStores.sqlite(storeFile);
        FleetIngest ingest = FleetIngest.builder(broker.url(), store).onDurable(latency).build();
        LinkProxy proxy = proxyFor(broker.url())) {
      ingest.start();
      long heapBefore = HeapGauge.usedAfterGc();
      List<VirtualCar> cars = startCars(broker.url(), proxy, dataDir, pool);
      RunSeries series = new RunSeries();
      try (FaultInjector faults = new FaultInjector(plan, cars, proxy, broker)) {
        drive(cars, clock, series, ingest, faults);
      }
      long heapPerCar = Math.max(0, HeapGauge.usedAfterGc() - heapBefore) / cars.size();
      long drainStart = System.nanoTime();
      boolean drained = Drain.await(cars, DRAIN_LIMIT);
      Duration drainTime = Duration.ofNanos(System.nanoTime() - drainStart);
      series.sample(cars, ingest.stats().appliedSamples(), 0);
      List<CarResult> results = new ArrayList<>();
      for (VirtualCar car : cars) {
        results.add(new CarResult(
            car.vin(),
            car.ledger().accepted(),
            car.ledger().refused(),
            store.samplesApplied(car.vin()),
            TwinComparison.diverged(
                catalog, car.ledger().lastValues(), store.latestSignals(car.vin()))));
      }
      closeAll(cars);
      RunReport report = new RunReport(config, results, ingest.stats(), drainTime, drained,
          LatencySummary.of(latency), plan.linkCuts(), plan.brokerRestarts(), heapPerCar,
          series.rows());
      config.reportFile().ifPresent(file -> writeReport(file, report, series));
      return report;
    } finally {
      clock.shutdownNow();
      pool.shutdownNow();
    }
  }

  /** Closes every agent, several at once: each waits for its clean disconnect. */
  private static void closeAll(List<VirtualCar> cars) {
    ExecutorService closer =
        Executors.newFixedThreadPool(AGENT_THREADS, SimThreads.daemon("spime-sim-close"));
    try {
      List<Future<?>> closing = new ArrayList<>();
      for (VirtualCar car : cars) {
        closing.add(closer.submit(() -> car.agent().close()));
      }
      for (Future<?> close : closing) {
        close.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("an agent failed to close", e.getCause());
    } finally {
      closer.shutdownNow();
    }
  }

  private LinkProxy proxyFor(String brokerUrl) {
    URI uri = MqttSettings.parseUrl(brokerUrl);
    return new LinkProxy(uri.getHost(), uri.getPort());
  }

  private List<VirtualCar> startCars(
      String brokerUrl, LinkProxy proxy, Path dataDir, ScheduledExecutorService pool) {
    List<VirtualCar> cars = new ArrayList<>(config.vehicles());
    boolean viaProxy = config.scenario().injectsFaults();
    for (int i = 0; i < config.vehicles(); i++) {
      Vin vin = VinFactory.vin(config.seed(), i);
      String url = viaProxy ? proxy.open(vin.value()) : brokerUrl;
      EdgeAgent agent =
          EdgeAgent.builder(vin, url, dataDir.resolve("cars").resolve(vin.value()))
              .scheduler(pool)
              .consent(ConsentSet.all())
              .reconnectBackoff(Duration.ofMillis(200), Duration.ofSeconds(5))
              .batchWindow(config.scenario().batchWindow())
              .build();
      agent.start();
      cars.add(new VirtualCar(vin, new CarModel(config.seed() * 31 + i, config.scenario()), agent));
    }
    return cars;
  }

  private void drive(List<VirtualCar> cars, ScheduledExecutorService clock, RunSeries series,
      FleetIngest ingest, FaultInjector faults) {
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
    try (DriveProgress progress = new DriveProgress(config.duration(), cars.size())) {
      long end = System.nanoTime() + config.duration().toNanos();
      while (System.nanoTime() < end) {
        long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        Thread.sleep(Math.max(1, Math.min(left, 1000)));
        progress.show(series.sample(cars, ingest.stats().appliedSamples(), faults.linksCutNow()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ticks.cancel(false);
    }
    waitForTickToEnd(ticks);
    faults.restoreAll();
    for (VirtualCar car : cars) {
      car.agent().flush();
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
    out.printf("report: %s (series: %s)%n", file, csv);
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
