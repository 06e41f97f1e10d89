package io.spime.sim;

import io.spime.cloud.sync.FirstConnectException;
import io.spime.cloud.sync.FleetIngest;
import io.spime.cloud.sync.IngestStats;
import io.spime.mqtt.InvalidSecurityException;
import io.spime.mqtt.MqttSecurity;
import io.spime.mqtt.MqttSettings;
import io.spime.sim.options.BrokerOption;
import io.spime.sim.options.CommandOptions;
import io.spime.sim.options.DurationConverter;
import io.spime.sim.options.SigningKeyOptions;
import io.spime.sim.options.StoreOption;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.signing.DownlinkSigner;
import io.spime.wire.signing.KeyFileException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import io.spime.sim.internal.car.VinFactory;
import io.spime.sim.internal.office.RegisteringOffice;
import io.spime.sim.options.SeedOption;
import io.spime.wire.AssetId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** {@code spime-sim cloud}: only the cloud side, an ingest into a twin store, until stopped. */
@Command(
    name = "cloud",
    mixinStandardHelpOptions = true,
    modelTransformer = CloudCommand.Options.class,
    description = {
      "Runs only the cloud side: a fleet ingest from the broker into a twin store (SQLite or PostgreSQL), with",
      "a status line every --every, until Ctrl-C or --for elapses."
    })
final class CloudCommand implements Callable<Integer> {
  /** The cloud side needs a broker to ingest from and a store to ingest into. */
  static final class Options extends CommandOptions {
    Options() {
      required("--broker");
      required("--store");
      note("--store", "Created if missing.");
    }
  }

  @Mixin BrokerOption brokerOption;
  @Mixin StoreOption storeOption;
  @Mixin SigningKeyOptions signingKey;

  @Option(names = "--register-fleet", paramLabel = "N",
      description = "Before ingesting, register the first N cars of the fleet of --seed in the"
          + " store (produced and delivered), as a run does: for shards (run --shard i/N).")
  int registerFleet;

  @Mixin SeedOption seed;

  @Option(names = "--share-group",
      description = "Join this MQTT 5 share group, so several cloud processes split the fleet.")
  String shareGroup;

  @Option(names = "--member", paramLabel = "NAME",
      description = {"With --share-group: this process's stable name in the group (A-Z a-z 0-9 . _ -),",
          "so a restart resumes its session; the broker ends the session 30 s after the process went",
          "away. No two running processes may share a name. Default: none, the session ends with",
          "the connection."})
  String member;

  @Option(names = "--every", defaultValue = "10s", converter = DurationConverter.class,
      description = "How often to print the ingest's counters (default ${DEFAULT-VALUE}).")
  Duration every;

  @Option(names = "--for", converter = DurationConverter.class,
      description = "Stop after this long (default: run until stopped).")
  Duration runFor;

  @Option(names = "--connect-timeout", defaultValue = "60s", converter = DurationConverter.class,
      description = "How long to keep retrying the first connect to the broker (default ${DEFAULT-VALUE}).")
  Duration connectTimeout;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    String broker = brokerOption.url().orElseThrow();
    String store = storeOption.location().orElseThrow();
    Optional<DownlinkSigner> signer;
    try {
      signer = signingKey.key().map(k -> DownlinkSigner.fromPemFile(k.keyId(), k.file()));
      MqttSettings.parseUrl(broker);
      if (shareGroup != null) {
        Topics.shared(shareGroup, TopicKind.TELEMETRY);
      }
      if (member != null && shareGroup == null) {
        throw new IllegalArgumentException("--member needs --share-group");
      }
    } catch (IllegalArgumentException | KeyFileException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
    MqttSecurity security;
    try {
      security = brokerOption.security();
      MqttSettings.builder(broker, "check").security(security);
    } catch (InvalidSecurityException e) {
      return BrokerErrors.misconfigured(spec.commandLine(), e);
    }
    try (TwinStore twins = TwinStores.open(store);
        FleetIngest ingest = withStore(broker, twins, security, signer)) {
      registerFleet(twins, out);
      try {
        ingest.start();
      } catch (FirstConnectException e) {
        return BrokerErrors.unreachable(spec.commandLine(), e);
      }
      out.printf("spime-sim cloud: ingesting from %s into %s%s%n", broker, TwinStores.redact(store),
          shareGroup == null ? "" : " (share group " + shareGroup
              + (member == null ? "" : ", member " + member) + ")");
      out.flush();
      long deadline = runFor == null ? Long.MAX_VALUE : System.nanoTime() + runFor.toNanos();
      while (!stop.await(every.toMillis(), TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
        print(out, ingest.stats());
      }
      print(out, ingest.stats());
    }
    return ExitCodes.OK;
  }

  /** The seeded fleet's production and delivery records, as RegisteringOffice writes them. */
  private void registerFleet(TwinStore twins, PrintWriter out) {
    if (registerFleet <= 0) {
      return;
    }
    List<AssetId> vins = new ArrayList<>();
    for (int i = 0; i < registerFleet; i++) {
      vins.add(VinFactory.vin(seed.seed(), i));
    }
    new RegisteringOffice(twins).start(vins, System.currentTimeMillis());
    out.printf("spime-sim cloud: %d cars of seed %d registered%n", registerFleet, seed.seed());
  }

  private FleetIngest withStore(String broker, TwinStore twins, MqttSecurity security,
      Optional<DownlinkSigner> signer) {
    FleetIngest.Builder builder = FleetIngest.builder(broker, twins).security(security)
        .firstConnectTimeout(connectTimeout);
    signer.ifPresent(builder::signingKey);
    if (shareGroup != null) {
      builder.shareGroup(shareGroup);
    }
    if (member != null) {
      try {
        builder.member(member);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--member: " + e.getMessage());
      }
    }
    return builder.build();
  }

  private static void print(PrintWriter out, IngestStats stats) {
    out.printf("received %,d | applied %,d batches (%,d samples) | duplicates %,d | out-of-order %,d"
            + " | rejected %,d | acks %,d%n",
        stats.received(), stats.appliedBatches(), stats.appliedSamples(), stats.duplicateBatches(),
        stats.gapBatches(), stats.rejectedTotal(), stats.acksSent());
    out.flush();
  }
}
