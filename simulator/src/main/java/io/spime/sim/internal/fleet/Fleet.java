package io.spime.sim.internal.fleet;

import io.spime.agent.EdgeAgent;
import io.spime.mqtt.MqttSecurity;
import io.spime.sim.internal.access.SimIdentities;
import io.spime.sim.internal.car.CarAgents;
import io.spime.sim.internal.car.FleetCar;
import io.spime.sim.internal.car.FleetMix;
import io.spime.sim.internal.car.VirtualCar;
import io.spime.sim.internal.faults.LinkProxy;
import io.spime.sim.internal.keys.DownlinkPin;
import io.spime.sim.internal.model.CarModel;
import io.spime.sim.internal.process.CarProcess;
import io.spime.sim.internal.process.ChildCar;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.internal.scenario.ScenarioFile;
import io.spime.sim.internal.threads.SimThreads;
import io.spime.wire.AssetId;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
      ScheduledExecutorService pool, int outOfProcess, Optional<SimIdentities> identities,
      DownlinkPin pin) {
    return start(config, 0, config.vehicles(), brokerUrl, proxy, dataDir, pool, outOfProcess,
        identities, pin);
  }

  /**
   * Starts the cars {@code from} (inclusive) to {@code to} (exclusive) of the seeded fleet, the first
   * {@code outOfProcess} of them in child JVMs: a shard's slice.
   */
  static Fleet start(RunConfig config, int from, int to, String brokerUrl, LinkProxy proxy,
      Path dataDir, ScheduledExecutorService pool, int outOfProcess,
      Optional<SimIdentities> identities, DownlinkPin pin) {
    Fleet fleet = new Fleet();
    try {
      fleet.startCars(config, from, to, brokerUrl, proxy, dataDir, pool, outOfProcess, identities,
          pin);
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
    SimThreads.closeAll(all, CLOSERS, "spime-sim-close", "a car");
  }

  /** Kills the children that still run: after {@link #closeAll()} there are none. */
  @Override
  public void close() {
    for (ChildCar child : children) {
      child.destroy();
    }
  }

  /** The proxy forwards bytes: a car reaches an {@code ssl://} broker through it with TLS end to end. */
  private static String sameScheme(String brokerUrl, String proxyUrl) {
    return brokerUrl.startsWith("ssl://") ? "ssl://" + proxyUrl.substring("tcp://".length()) : proxyUrl;
  }

  private void startCars(RunConfig config, int from, int to, String brokerUrl, LinkProxy proxy, Path dataDir,
      ScheduledExecutorService pool, int outOfProcess, Optional<SimIdentities> identities,
      DownlinkPin pin) {
    boolean viaProxy = config.scenario().injectsFaults();
    Path childDir = dataDir.resolve("children");
    Path scenarioFile = childDir.resolve("scenario.properties");
    if (outOfProcess > 0) {
      createDirectories(childDir);
      ScenarioFile.write(scenarioFile, config.scenario().toProperties(),
          "scenario of the out-of-process cars of this run");
    }
    for (int i = from; i < to; i++) {
      AssetId vin = FleetMix.idAt(config.scenario(), config.seed(), i);
      String url = viaProxy ? sameScheme(brokerUrl, proxy.open(vin.value())) : brokerUrl;
      Path agentDir = dataDir.resolve("cars").resolve(vin.value());
      // on the embedded broker each car logs in as itself; on an external one with the run's settings
      MqttSecurity security = identities.map(known -> known.car(vin)).orElse(config.security());
      if (i - from < outOfProcess) {
        Path ledger = childDir.resolve(vin.value() + ".ledger");
        deleteIfExists(ledger);
        ChildCar child = new ChildCar(new CarProcess.Args(vin, i, config.seed(), url, agentDir,
            ledger, scenarioFile, config.duration(), 0, security, Optional.of(pin)),
            childDir.resolve(vin.value() + ".log"));
        children.add(child);
        all.add(child);
        child.start();
      } else {
        EdgeAgent agent = CarAgents.build(vin, url, agentDir, config.scenario(), Optional.of(pool),
            security, Optional.of(pin), config.mqttClient());
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
      OwnerOnlyFiles.createDirectories(dir);
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
