package io.spime.sim.internal;

import io.spime.agent.EdgeAgent;
import io.spime.wire.Vin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The cars of a run: the first {@code outOfProcess} in child JVMs ({@link ChildCar}), the rest in
 * this JVM on shared threads ({@link VirtualCar}). Each connects through its own link-proxy port
 * when the scenario injects faults. Outboxes under {@code cars/VIN/}; an out-of-process car's
 * ledger and log under {@code children/}.
 */
final class Fleet implements AutoCloseable {
  private static final Duration CHILD_START_LIMIT = Duration.ofSeconds(60);
  /** Closing agents at once: each waits for its clean disconnect. */
  private static final int CLOSERS = 8;

  private final List<VirtualCar> inProcess = new ArrayList<>();
  private final List<ChildCar> children = new ArrayList<>();
  private final List<FleetCar> all = new ArrayList<>();

  private Fleet() {}

  /**
   * Starts every car and waits until the out-of-process ones have recorded their first samples.
   *
   * @throws IllegalStateException if a child does not start within a minute
   * @throws UncheckedIOException if a folder cannot be written or a JVM cannot be started
   */
  static Fleet start(RunConfig config, String brokerUrl, LinkProxy proxy, Path dataDir,
      ScheduledExecutorService pool, int outOfProcess) {
    Fleet fleet = new Fleet();
    try {
      fleet.startCars(config, brokerUrl, proxy, dataDir, pool, outOfProcess);
      fleet.awaitChildren();
      return fleet;
    } catch (RuntimeException e) {
      fleet.close();
      throw e;
    }
  }

  List<VirtualCar> inProcess() {
    return inProcess;
  }

  List<ChildCar> children() {
    return children;
  }

  List<FleetCar> all() {
    return all;
  }

  /** Closes every car, several at once. */
  void closeAll() {
    ExecutorService closer = Executors.newFixedThreadPool(CLOSERS, SimThreads.daemon("spime-sim-close"));
    try {
      List<Future<?>> closing = new ArrayList<>();
      for (FleetCar car : all) {
        closing.add(closer.submit(car::close));
      }
      for (Future<?> close : closing) {
        close.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a car failed to close", e.getCause());
    } finally {
      closer.shutdownNow();
    }
  }

  /** Kills the children that still run: after {@link #closeAll()} there are none. */
  @Override
  public void close() {
    for (ChildCar child : children) {
      child.destroy();
    }
  }

  private void startCars(RunConfig config, String brokerUrl, LinkProxy proxy, Path dataDir,
      ScheduledExecutorService pool, int outOfProcess) {
    boolean viaProxy = config.scenario().injectsFaults();
    Path childDir = dataDir.resolve("children");
    Path scenarioFile = childDir.resolve("scenario.properties");
    if (outOfProcess > 0) {
      createDirectories(childDir);
      ScenarioFile.write(scenarioFile, config.scenario().toProperties(),
          "scenario of the out-of-process cars of this run");
    }
    for (int i = 0; i < config.vehicles(); i++) {
      Vin vin = VinFactory.vin(config.seed(), i);
      String url = viaProxy ? proxy.open(vin.value()) : brokerUrl;
      Path agentDir = dataDir.resolve("cars").resolve(vin.value());
      if (i < outOfProcess) {
        Path ledger = childDir.resolve(vin.value() + ".ledger");
        deleteIfExists(ledger);
        ChildCar child = new ChildCar(new CarProcess.Args(vin, i, config.seed(), url, agentDir,
            ledger, scenarioFile, config.duration(), 0), childDir.resolve(vin.value() + ".log"));
        children.add(child);
        all.add(child);
        child.start();
      } else {
        EdgeAgent agent = CarAgents.build(vin, url, agentDir, config.scenario(), Optional.of(pool));
        agent.start();
        VirtualCar car = new VirtualCar(vin,
            new CarModel(CarModel.seedFor(config.seed(), i, 0), config.scenario(),
                config.duration()), agent);
        inProcess.add(car);
        all.add(car);
      }
    }
  }

  private void awaitChildren() {
    for (ChildCar child : children) {
      try {
        if (!child.awaitReady(CHILD_START_LIMIT)) {
          throw new IllegalStateException("the process of car " + child.vin()
              + " did not start within " + CHILD_START_LIMIT.toSeconds() + " s"
              + (child.failures().isEmpty() ? "; see " + child.log()
                  : ": " + String.join("; ", child.failures())));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the out-of-process cars started", e);
      }
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  private static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the old ledger " + file, e);
    }
  }
}
