package io.spime.sim.bench;

import io.spime.cloud.service.CloudConfig;
import io.spime.cloud.service.CloudService;
import io.spime.cloud.service.ServiceHooks;
import io.spime.cloud.service.SpimeCloud;
import io.spime.sim.internal.car.VinFactory;
import io.spime.sim.internal.office.RegisteringOffice;
import io.spime.sim.internal.scenario.MqttClient;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.AssetId;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark of twin reads over HTTP while a fleet is ingested, in one JVM on one machine: a
 * spime-cloud on its embedded defaults (embedded broker, SQLite store), the fleet's real agents
 * recording into it, and rounds of two phases each: the ingest alone, then the ingest while twins
 * are read over HTTP at a fixed rate, open loop (after 15 s of reads not counted). Prints per round and as medians the reads'
 * latencies and the ingest's rate and latency with and without the reads, then drains and checks
 * that every accepted sample is in the service's store. Method and figures: docs/benchmarks.md.
 */
@Command(name = "http-reads-bench", mixinStandardHelpOptions = true)
public final class HttpReadsBench implements Callable<Integer> {
  @Option(names = "--vehicles", defaultValue = "1000") int vehicles;
  @Option(names = "--signals", defaultValue = "10") int signals;
  @Option(names = "--rate-hz", defaultValue = "1") int rateHz;
  @Option(names = "--batch-window-ms", defaultValue = "1000") long batchWindowMs;
  @Option(names = "--mqtt-client", defaultValue = "paho", description = "The agents' MQTT client: paho or hivemq.")
  String mqttClient;
  @Option(names = "--reads", defaultValue = "1000", description = "Twin reads per second.") int reads;
  @Option(names = "--phase", defaultValue = "30", description = "Seconds of each phase.") int phaseSeconds;
  @Option(names = "--rounds", defaultValue = "3") int rounds;
  @Option(names = "--warmup", defaultValue = "30", description = "Seconds before the first phase.") int warmupSeconds;
  @Option(names = "--reads-warmup", defaultValue = "15",
      description = "Seconds of reads, not counted, after the warm-up and before the first phase: they warm"
          + " the JIT and the client's connections.")
  int readsWarmupSeconds;
  @Option(names = "--data-dir", description = "Default: a new temporary folder.") Path dataDir;
  @Option(names = "--cars", defaultValue = "agents", description = "agents: a real edge agent per car in this"
      + " process; paced: each car's batches encoded and published once a window without an agent, as cars on"
      + " their own units would, so this machine carries broker, ingest and API only.") String cars;

  private static final Duration SETTLE = Duration.ofSeconds(5);

  public static void main(String[] args) {
    System.exit(new CommandLine(new HttpReadsBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = new PrintWriter(System.out, true);
    Path dir = dataDir != null ? OwnerOnlyFiles.createDirectories(dataDir) : Files.createTempDirectory("spime-http-bench-");
    BenchConfig bench = new BenchConfig(vehicles, signals, rateHz, Duration.ofMillis(batchWindowMs),
        Duration.ofSeconds(phaseSeconds), Duration.ofSeconds(warmupSeconds), 1, Optional.empty(),
        Optional.empty(), MqttClient.parse(mqttClient));
    CloudConfig config = CloudConfig.load(Optional.empty(), Map.of(
        "SPIME_CLOUD_DATA_DIR", dir.resolve("cloud").toString(), "SPIME_CLOUD_HTTP_PORT", "0"));
    List<AssetId> vins = register(config, bench);
    out.printf(Locale.ROOT, "http-reads-bench %s: %d cars (%s), %d signals at %d Hz (%,d samples/s offered), batch"
        + " window %d ms; reads %d/s; %d rounds of 2 x %d s after %d s warm-up and %d s of reads; %d cores, %s %s;"
        + " data %s%n",
        Instant.now(), vehicles, cars, signals, rateHz, bench.offeredSamplesPerSecond(), batchWindowMs, reads, rounds,
        phaseSeconds, warmupSeconds, readsWarmupSeconds, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"), dir);
    PhaseMeter meter = new PhaseMeter();
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bench-record");
      t.setDaemon(true);
      return t;
    });
    if (!cars.equals("agents") && !cars.equals("paced")) {
      throw new IllegalArgumentException("--cars must be agents or paced, was " + cars);
    }
    try (CloudService cloud = CloudService.start(config, new ServiceHooks(UnaryOperator.identity(), meter));
        FleetUnderTest fleet = cars.equals("paced")
            ? FleetUnderTest.paced(PacedCars.connect(cloud.brokerUrl(), vins, signals, rateHz, bench.seed()),
                Duration.ofMillis(batchWindowMs))
            : FleetUnderTest.agents(BenchFleet.start(bench, cloud.brokerUrl(), dir.resolve("cars")))) {
      fleet.start(clock, rateHz);
      Thread.sleep(warmupSeconds * 1000L);
      OpenLoopReads reader = new OpenLoopReads(cloud.apiUrl(), token(dir, config), vins, reads);
      List<BenchRows.Round> results = new ArrayList<>();
      try {
        reader.run(Duration.ofSeconds(readsWarmupSeconds));
        for (int r = 1; r <= rounds; r++) {
          BenchRows.Ingest alone = phase(meter, () -> Thread.sleep(phaseSeconds * 1000L));
          OpenLoopReads.Result[] read = new OpenLoopReads.Result[1];
          BenchRows.Ingest loaded = phase(meter, () -> read[0] = reader.run(Duration.ofSeconds(phaseSeconds)));
          BenchRows.Round round = new BenchRows.Round(r, alone, loaded, read[0]);
          results.add(round);
          BenchRows.printRound(out, round);
        }
      } finally {
        reader.close();
      }
      clock.shutdown();
      clock.awaitTermination(5, TimeUnit.SECONDS);
      FleetUnderTest.Check check;
      try (TwinStore store = TwinStores.sqlite(config.storeFile())) {
        check = fleet.verify(store, Duration.ofMinutes(2));
      }
      BenchRows.printMedians(out, results);
      out.printf(Locale.ROOT, "verification (%s): %,d samples accepted, %,d stored, %,d missing, %,d extra, drained %s%n",
          cars, check.accepted(), check.stored(), check.missing(), check.extra(), check.drained());
      return check.missing() == 0 && check.extra() == 0 && check.drained() ? 0 : 1;
    } finally {
      clock.shutdownNow();
    }
  }

  /** A phase between the meter's start and end, then a pause for its last samples to become durable. */
  private static BenchRows.Ingest phase(PhaseMeter meter, Body body) throws Exception {
    long start = System.currentTimeMillis();
    meter.start(start);
    body.run();
    long end = System.currentTimeMillis();
    meter.end(end);
    Thread.sleep(SETTLE.toMillis());
    return new BenchRows.Ingest(meter.committed() * 1000.0 / (end - start), meter.latency());
  }

  @FunctionalInterface
  private interface Body {
    void run() throws Exception;
  }

  /** The fleet's cars registered in the service's store before it starts, as {@code run --cloud} needs. */
  private static List<AssetId> register(CloudConfig config, BenchConfig bench) throws java.io.IOException {
    OwnerOnlyFiles.createDirectories(config.dataDir());
    List<AssetId> vins = new ArrayList<>();
    for (int i = 0; i < bench.vehicles(); i++) {
      vins.add(VinFactory.benchmarkVin(bench.seed(), i));
    }
    try (TwinStore store = TwinStores.sqlite(config.storeFile())) {
      new RegisteringOffice(store).start(vins, System.currentTimeMillis());
    }
    return vins;
  }

  /** A technical staff token of the service's development issuer, from {@code spime-cloud token}. */
  private static String token(Path dir, CloudConfig config) throws java.io.IOException {
    Path file = dir.resolve("cloud.properties");
    OwnerOnlyFiles.writeString(file, "data.dir=" + config.dataDir() + "\n");
    StringWriter text = new StringWriter();
    int code = new CommandLine(new SpimeCloud()).setOut(new PrintWriter(text))
        .execute("token", "--party", "oem.bench", "--role", "oem-technical", "--config", file.toString());
    if (code != 0) {
      throw new IllegalStateException("spime-cloud token exited " + code);
    }
    return text.toString().strip();
  }
}
