package io.spime.sim.internal;

import io.spime.agent.Consent;
import io.spime.agent.EdgeAgent;
import io.spime.broker.EmbeddedBroker;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.sync.FleetIngest;
import io.spime.wire.SignalCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
 * Runs a fleet in-process: embedded broker, ingest into an SQLite twin store, one real agent per car
 * on shared threads. Drives the cars, stops them, waits for every outbox to drain, then compares each
 * car's ledger with its twin.
 */
public final class FleetRun {
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

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
    out.printf("spime-sim: %d cars for %d s (seed %d), data in %s%n",
        config.vehicles(), config.duration().toSeconds(), config.seed(), dataDir);
    out.flush();
    ScheduledExecutorService pool = Executors.newScheduledThreadPool(2, SimThreads.daemon("spime-sim"));
    try (EmbeddedBroker broker = EmbeddedBroker.start();
        TwinStore store = TwinStores.sqlite(dataDir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(broker.url(), store).build()) {
      ingest.start();
      List<VirtualCar> cars = startCars(broker.url(), dataDir, pool);
      drive(cars, pool);
      long drainStart = System.nanoTime();
      boolean drained = Drain.await(cars, DRAIN_LIMIT);
      Duration drainTime = Duration.ofNanos(System.nanoTime() - drainStart);
      List<CarResult> results = new ArrayList<>();
      for (VirtualCar car : cars) {
        car.agent().close();
        results.add(new CarResult(
            car.vin(),
            car.ledger().accepted(),
            store.samplesApplied(car.vin()),
            TwinComparison.diverged(catalog, car.ledger().lastValues(), store.latestSignals(car.vin()))));
      }
      return new RunReport(config, results, ingest.stats(), drainTime, drained);
    } finally {
      pool.shutdownNow();
    }
  }

  private List<VirtualCar> startCars(String brokerUrl, Path dataDir, ScheduledExecutorService pool) {
    List<VirtualCar> cars = new ArrayList<>(config.vehicles());
    for (int i = 0; i < config.vehicles(); i++) {
      io.spime.wire.Vin vin = VinFactory.vin(config.seed(), i);
      EdgeAgent agent =
          EdgeAgent.builder(vin, brokerUrl, dataDir.resolve("cars").resolve(vin.value()))
              .scheduler(pool)
              .consent(Consent.all())
              .build();
      agent.start();
      cars.add(new VirtualCar(vin, new CarModel(config.seed() * 31 + i), agent));
    }
    return cars;
  }

  private void drive(List<VirtualCar> cars, ScheduledExecutorService pool) {
    ScheduledFuture<?> ticks =
        pool.scheduleAtFixedRate(
            () -> {
              long now = System.currentTimeMillis();
              for (VirtualCar car : cars) {
                car.tick(now);
              }
            },
            0,
            VirtualCar.TICK_MILLIS,
            TimeUnit.MILLISECONDS);
    long end = System.nanoTime() + config.duration().toNanos();
    try {
      while (System.nanoTime() < end) {
        long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        Thread.sleep(Math.max(1, Math.min(left, PROGRESS_EVERY.toMillis())));
        Progress.print(out, cars);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ticks.cancel(false);
    }
    waitForTickToEnd(ticks);
    for (VirtualCar car : cars) {
      car.agent().flush();
    }
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
