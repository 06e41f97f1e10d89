package io.spime.sim;

import io.spime.sim.internal.ingest.IngestPlan;
import io.spime.sim.internal.keys.RunKeys;
import io.spime.sim.internal.scenario.RunConfig;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.sim.options.BrokerAuthOption;
import io.spime.sim.options.BrokerOption;
import io.spime.sim.options.CloudOption;
import io.spime.sim.options.CommandOptions;
import io.spime.sim.options.DataDirOption;
import io.spime.sim.options.DownlinkKeyOption;
import io.spime.sim.options.FleetOptions;
import io.spime.sim.options.MqttClientOption;
import io.spime.sim.options.OutputOptions;
import io.spime.sim.options.ReportOption;
import io.spime.sim.options.ScenarioOption;
import io.spime.sim.options.SeedOption;
import io.spime.sim.options.ShardOptions;
import io.spime.sim.options.SigningKeyOptions;
import io.spime.sim.options.StoreOption;
import io.spime.wire.signing.KeyFileException;
import io.spime.wire.signing.KeyFiles;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code spime-sim run}: a fleet on a scenario, with faults, verification and a report. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    modelTransformer = RunCommand.Options.class,
    description = {
      "Runs a fleet of virtual cars on a scenario, injects its faults, then checks that every",
      "sample the agents accepted is in its twin, once. Exits 0 when clean, 1 on any violation."
    })
final class RunCommand implements Callable<Integer> {
  /** A run: 10 cars for a minute; an embedded broker and twins.db unless told otherwise. */
  static final class Options extends CommandOptions {
    Options() {
      defaultValue("--vehicles", "10");
      defaultValue("--duration", "1m");
      note("--broker", "Default: an embedded one; the ingest and the cars connect to it.");
      note("--store", "Default: twins.db in the data folder; an existing store is reused.");
      note("--data-dir", "Default: a new temporary folder.");
      note("--signing-key", "Default: a key pair generated for the run in the data folder's keys/.");
    }
  }

  @Mixin ScenarioOption scenario;
  @Mixin FleetOptions fleet;
  @Mixin SeedOption seed;
  @Mixin BrokerOption broker;
  @Mixin StoreOption store;
  @Mixin ReportOption report;
  @Mixin DataDirOption dataDir;
  @Mixin BrokerAuthOption brokerAuth;
  @Mixin OutputOptions output;
  @Mixin ShardOptions shard;
  @Mixin SigningKeyOptions signingKey;
  @Mixin DownlinkKeyOption downlinkKey;
  @Mixin CloudOption cloud;
  @Mixin MqttClientOption mqttClient;

  @Option(names = "--ingests", paramLabel = "N", defaultValue = "0",
      description = "Run the ingest as N processes of one share group (child JVMs, like 'cloud') instead"
          + " of in this process; the summary gives each one's figures (default: in this process).")
  int ingests;

  @Option(names = "--kill-ingest", paramLabel = "K", defaultValue = "0",
      description = "With --ingests: SIGKILL the first ingest process K times, spread over the drive,"
          + " and start it again 2 s later each time (default ${DEFAULT-VALUE}).")
  int killIngest;

  @Option(names = "--processes", paramLabel = "N", defaultValue = "1",
      description = "Drive the cars in N child JVMs, shards of this run against its broker, ingest"
          + " and store, with one verdict: one process holds about 3,900 cars within 20,000 open"
          + " files (default: every car in this process).")
  int processes;

  @Option(names = "--inject-ingest-loss", paramLabel = "N", defaultValue = "0", hidden = true,
      description = "A fault that proves the verdict: the ingest loses one sample of every N-th batch.")
  int injectIngestLoss;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (shard.shard().isPresent()) {
      if (cloud.given()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--cloud: a shard has no verification"
            + " of its own; run 'verify' against the cloud's store");
      }
      if (processes != 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--processes: a shard runs in"
            + " one process; leave out --processes");
      }
      return ShardRunner.run(spec.commandLine(), output, shard, this::config);
    }
    if (processes != 1) {
      if (cloud.given()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--processes: the run's own"
            + " ingest (or its --ingests processes) takes every shard's samples; leave out --cloud");
      }
      return SpreadRunner.run(spec.commandLine(), output, processes, scenario.nameOrFile(),
          this::config, this::ingestPlan);
    }
    return FleetRunner.run(spec.commandLine(), output, this::config, this::ingestPlan);
  }

  private RunConfig config() {
    return new RunConfig(
        ScenarioSpec.resolve(scenario.nameOrFile()), fleet.vehicles(), fleet.duration(),
        seed.seed(), dataDir.dir(), broker.url(), store.location(), report.file(), broker.security(),
        brokerAuth.enforced(), keys(), mqttClient.client());
  }

  private IngestPlan ingestPlan() {
    IngestPlan plan = new IngestPlan(ingests, killIngest, injectIngestLoss, cloud.target());
    if (plan.cloud().isPresent()) {
      if (broker.url().isEmpty()) {
        throw new IllegalArgumentException("--cloud needs --broker: the broker the spime-cloud ingests from");
      }
      if (store.location().isPresent()) {
        throw new IllegalArgumentException("--cloud: the twins are the service's; leave out --store");
      }
      if (ScenarioSpec.resolve(scenario.nameOrFile()).office() != ScenarioSpec.Office.NONE) {
        throw new IllegalArgumentException("--cloud: this scenario's back office writes to the twin store,"
            + " which is the service's; use a scenario that only drives");
      }
    }
    if (plan.outOfProcess()
        && ScenarioSpec.resolve(scenario.nameOrFile()).office() == ScenarioSpec.Office.RENTAL_FLEET) {
      throw new IllegalArgumentException("--ingests: this scenario's back office sends desired state"
          + " through the in-process ingest's downlink; leave out --ingests");
    }
    return plan;
  }

  /** The given key pair, or empty for one generated for the run. */
  private Optional<RunKeys> keys() {
    Optional<SigningKeyOptions.Key> key = signingKey.key();
    if (key.isPresent() != downlinkKey.file().isPresent()) {
      throw new IllegalArgumentException("--signing-key, --signing-key-id and --downlink-key go"
          + " together (the cars pin the public key of the cloud's private key); leave all out to"
          + " have a key pair generated for the run");
    }
    Optional<RunKeys> keys = key.map(k -> new RunKeys(k.keyId(), k.file(), downlinkKey.file().orElseThrow()));
    try {
      keys.ifPresent(k -> {
        k.signer();
        KeyFiles.readPublicKey(k.publicKey());
      });
    } catch (KeyFileException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return keys;
  }
}
