package io.spime.sim.internal.fleet;

import io.spime.broker.BrokerAccess;
import io.spime.sim.internal.access.SimIdentities;
import io.spime.sim.internal.build.RunInfo;
import io.spime.sim.internal.car.FleetMix;
import io.spime.sim.internal.faults.BrokerHandle;
import io.spime.sim.internal.ingest.IngestPlan;
import io.spime.sim.internal.keys.RunKeys;
import io.spime.sim.internal.office.RegisteringOffice;
import io.spime.sim.internal.process.ChildJvm;
import io.spime.sim.internal.report.HtmlReport;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.internal.scenario.ShardSlice;
import io.spime.sim.internal.shard.ShardLedger;
import io.spime.sim.internal.shard.ShardVerification;
import io.spime.sim.internal.shard.ShardVerdict;
import io.spime.sim.internal.verify.LatencyRecorder;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.AssetId;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A run whose cars are spread over child JVMs ({@code run --processes N}), each driving one shard
 * of the fleet ({@code run --shard i/N}) against this process's broker: the file descriptors of
 * 10,000 cars do not fit in one process. This process holds the broker, the ingest (or starts its
 * {@code --ingests} processes) and the twin store, registers the fleet, waits for every shard to
 * drain and write its ledger, and then gives one verdict over all of them, as
 * {@code spime-sim verify} does.
 */
public final class SpreadRun {
  /** What a shard process does besides driving: start, drain (up to 120 s), write its ledger. */
  private static final Duration SHARD_OVERHEAD = Duration.ofMinutes(30);
  /** The variable that hands an external broker's password to a shard: its environment only. */
  private static final String PASSWORD_ENV = "SPIME_SHARD_MQTT_PASSWORD";
  /** Room for about 4,000 cars' heap (tens of KB each), G1 as the run itself uses. */
  private static final List<String> JVM_OPTIONS = List.of(
      "-Xms64m", "-Xmx1536m", "-XX:-UsePerfData", "-Dlogback.configurationFile=logback.xml");

  /** What the spread run found: the verdict over all shards, and each process that failed. */
  public record Result(Optional<ShardVerdict> verdict, List<String> failures) {
    public boolean clean() {
      return failures.isEmpty() && verdict.map(v -> v.outcome().clean()).orElse(false);
    }
  }

  private final RunConfig config;
  private final IngestPlan ingestPlan;
  private final String scenario;
  private final int processes;
  private final PrintWriter out;
  private final ConsoleMode console;
  private final RunInfo info;

  /**
   * @param scenario the scenario as given on the command line (a built-in name or a file), which
   *     every shard process is given in turn
   */
  public SpreadRun(RunConfig config, IngestPlan ingestPlan, String scenario, int processes,
      PrintWriter out, ConsoleMode console, RunInfo info) {
    this.config = config;
    this.ingestPlan = ingestPlan;
    this.scenario = scenario;
    this.processes = processes;
    this.out = out;
    this.console = console;
    this.info = info;
  }

  /** Runs the shards in {@code dataDir} and verifies them as one fleet. */
  public Result run(Path dataDir) {
    PrintWriter out = console.quiet() ? new PrintWriter(java.io.Writer.nullWriter()) : this.out;
    String storeLocation = config.store().orElse(dataDir.resolve("twins.db").toString());
    List<AssetId> vins = new ArrayList<>();
    for (int i = 0; i < config.vehicles(); i++) {
      vins.add(FleetMix.idAt(config.scenario(), config.seed(), i));
    }
    Optional<SimIdentities> identities = config.brokerAuth() && config.brokerUrl().isEmpty()
        ? Optional.of(SimIdentities.provision(vins)) : Optional.empty();
    out.println(info.header());
    out.printf("spime-sim: scenario %s, %d cars for %d s (seed %d) in %d processes of ~%d cars%n"
            + "  data %s%n  store %s%n  broker %s%n", config.scenario().name(), config.vehicles(),
        config.duration().toSeconds(), config.seed(), processes,
        (config.vehicles() + processes - 1) / processes, dataDir, TwinStores.redact(storeLocation),
        config.brokerUrl().isPresent() ? "external" : identities.isPresent()
            ? "embedded, each car logs in as itself and speaks only for itself"
            : "embedded, OPEN: any client may publish for any car (--no-broker-auth)");
    if (ingestPlan.outOfProcess()) {
      out.printf("  ingest %d processes of one share group%s%n", ingestPlan.processes(),
          ingestPlan.kills() == 0 ? "" : ", the first SIGKILLed " + ingestPlan.kills() + " times");
    }
    out.flush();
    RunKeys keys = config.keys().orElseGet(() -> RunKeys.generate(dataDir.resolve("keys")));
    Path ledgers = directory(dataDir.resolve("ledgers"));
    try (BrokerHandle broker = BrokerHandle.open(config.brokerUrl(),
            identities.map(SimIdentities::access).orElse(BrokerAccess.open()));
        TwinStore store = TwinStores.open(storeLocation);
        RunIngest ingest = RunIngest.open(ingestPlan, broker.url(), store, storeLocation,
            new LatencyRecorder(), identities.map(SimIdentities::cloud).orElse(config.security()),
            keys, dataDir)) {
      new RegisteringOffice(store).start(vins, System.currentTimeMillis());
      ingest.start(ingestPlan, config.duration());
      List<Process> shards = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      try {
        for (int i = 1; i <= processes; i++) {
          shards.add(start(i, broker.url(), dataDir, ledgers, keys, identities));
        }
        awaitAll(shards, ingest, failures);
      } finally {
        shards.forEach(Process::destroyForcibly);
      }
      ingest.finish(out, config.reportFile().map(file -> HtmlReport.beside(file, RunIngest.CSV_SUFFIX)));
      failures.addAll(ingest.failures());
      if (!failures.isEmpty()) {
        return new Result(Optional.empty(), failures);
      }
      List<ShardLedger> read = ShardVerification.ledgers(ledgers);
      ShardVerdict verdict = new ShardVerdict(ShardVerification.verify(read, store), info);
      return new Result(Optional.of(verdict), failures);
    }
  }

  private Process start(int index, String brokerUrl, Path dataDir, Path ledgers, RunKeys keys,
      Optional<SimIdentities> identities) {
    String shard = index + "/" + processes;
    List<String> command = ChildJvm.command(JVM_OPTIONS, "run");
    command.add("--shard=" + shard);
    command.add("--vehicles=" + config.vehicles());
    command.add("--duration=" + config.duration().toMillis() + "ms");
    command.add("--seed=" + config.seed());
    command.add("--scenario=" + scenario);
    command.add("--broker=" + brokerUrl);
    command.add("--ledger-dir=" + ledgers.toAbsolutePath());
    command.add("--data-dir=" + dataDir.resolve("shard-" + index).toAbsolutePath());
    command.add("--quiet");
    command.add("--mqtt-client=" + config.mqttClient().flag());
    command.add("--signing-key=" + keys.privateKey().toAbsolutePath());
    command.add("--signing-key-id=" + keys.keyId().value());
    command.add("--downlink-key=" + keys.publicKey().toAbsolutePath());
    ProcessBuilder builder = new ProcessBuilder(command);
    if (identities.isPresent()) {
      Path file = dataDir.resolve("shard-" + index + ".identities");
      identities.get().writeCars(file, slice(index));
      command.add("--identities=" + file.toAbsolutePath());
    } else {
      ChildJvm.addSecurity(command, config.security(), PASSWORD_ENV);
      config.security().password().ifPresent(password -> builder.environment().put(PASSWORD_ENV, password));
    }
    Path log = dataDir.resolve("shard-" + index + ".log");
    builder.command(command).redirectErrorStream(true).redirectOutput(log.toFile());
    try {
      OwnerOnlyFiles.createFile(log);
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the process of shard " + shard, e);
    }
  }

  /** The VINs of the {@code index}-th shard, as {@code run --shard} slices the fleet. */
  private List<AssetId> slice(int index) {
    ShardSlice shard = new ShardSlice(index, processes);
    List<AssetId> vins = new ArrayList<>();
    for (int i = shard.from(config.vehicles()); i < shard.to(config.vehicles()); i++) {
      vins.add(FleetMix.idAt(config.scenario(), config.seed(), i));
    }
    return vins;
  }

  private void awaitAll(List<Process> shards, RunIngest ingest, List<String> failures) {
    long deadline = System.nanoTime() + config.duration().plus(SHARD_OVERHEAD).toNanos();
    long nextStatus = System.nanoTime() + console.every().toNanos();
    try {
      for (int i = 0; i < shards.size(); i++) {
        Process shard = shards.get(i);
        while (!shard.waitFor(1, TimeUnit.SECONDS)) {
          if (System.nanoTime() > deadline) {
            failures.add("shard " + (i + 1) + "/" + processes + " did not end in time; its log: shard-"
                + (i + 1) + ".log");
            return;
          }
          if (!console.quiet() && System.nanoTime() > nextStatus) {
            nextStatus = System.nanoTime() + console.every().toNanos();
            long running = shards.stream().filter(Process::isAlive).count();
            console.statusOut().printf("spime-sim: %d of %d shard processes running | applied %,d"
                + " samples%n", running, processes, ingest.stats().appliedSamples());
            console.statusOut().flush();
          }
        }
        int exit = shard.exitValue();
        if (exit != 0 && exit != 1) { // 1: not drained, which the verdict shows car by car
          failures.add("shard " + (i + 1) + "/" + processes + " exited " + exit + "; its log: shard-"
              + (i + 1) + ".log");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add("interrupted while the shards ran");
    }
  }

  private static Path directory(Path dir) {
    try {
      return OwnerOnlyFiles.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }
}
