package io.spime.sim;

import io.spime.mqtt.MqttSettings;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.sync.FleetIngest;
import io.spime.twin.sync.IngestStats;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spime-sim cloud}: only the cloud side, an ingest into a twin store, until stopped. */
@Command(
    name = "cloud",
    mixinStandardHelpOptions = true,
    description = {
      "Runs only the cloud side: a fleet ingest from the broker into an SQLite twin store, with",
      "a status line every --every, until Ctrl-C or --for elapses."
    })
final class CloudCommand implements Callable<Integer> {
  @Option(names = "--broker", required = true, description = "The MQTT 5 broker, like tcp://127.0.0.1:1883.")
  String broker;

  @Option(names = "--store", required = true, description = "The SQLite twin store file (created if missing).")
  Path store;

  @Option(names = "--share-group",
      description = "Join this MQTT 5 share group, so several cloud processes split the fleet.")
  String shareGroup;

  @Option(names = "--every", defaultValue = "10s", converter = DurationConverter.class,
      description = "How often to print the ingest's counters (default ${DEFAULT-VALUE}).")
  Duration every;

  @Option(names = "--for", converter = DurationConverter.class,
      description = "Stop after this long (default: run until stopped).")
  Duration runFor;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    try {
      MqttSettings.parseUrl(broker);
      if (shareGroup != null) {
        Topics.shared(shareGroup, TopicKind.TELEMETRY);
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
    try (TwinStore twins = TwinStores.sqlite(store);
        FleetIngest ingest = withStore(twins)) {
      ingest.start();
      out.printf("spime-sim cloud: ingesting from %s into %s%s%n", broker, store,
          shareGroup == null ? "" : " (share group " + shareGroup + ")");
      out.flush();
      long deadline = runFor == null ? Long.MAX_VALUE : System.nanoTime() + runFor.toNanos();
      while (!stop.await(every.toMillis(), TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
        print(out, ingest.stats());
      }
      print(out, ingest.stats());
    }
    return 0;
  }

  private FleetIngest withStore(TwinStore twins) {
    FleetIngest.Builder builder = FleetIngest.builder(broker, twins);
    if (shareGroup != null) {
      builder.shareGroup(shareGroup);
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
