package io.spime.sim;

import io.spime.sim.bench.BenchConfig;
import io.spime.sim.bench.BenchReport;
import io.spime.sim.bench.BenchRun;
import io.spime.sim.bench.capacity.CapacityConfig;
import io.spime.sim.bench.capacity.CapacityReport;
import io.spime.sim.bench.capacity.CapacityResult;
import io.spime.sim.bench.capacity.CapacityRun;
import io.spime.sim.options.CommandOptions;
import io.spime.sim.options.DataDirOption;
import io.spime.sim.options.DurationConverter;
import io.spime.sim.options.FleetOptions;
import io.spime.sim.options.MqttClientOption;
import io.spime.sim.options.SeedOption;
import io.spime.sim.options.StoreOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code spime-sim bench}: the broker's loopback limit and cloud sync end to end, in one run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    modelTransformer = BenchCommand.Options.class,
    description = {
      "Measures, on one embedded broker: first the broker's loopback limit (Paho publishers to one",
      "subscriber, payloads of one telemetry batch), then real agents recording at a fixed rate",
      "through the broker into FleetIngest and a twin store (--store): applied samples/s and",
      "batches/s, latency from record to durable, and that every accepted sample was stored.",
      "Exits 0 when nothing was lost, 1 when anything was.",
      "",
      "With --capacity: the ingest's ceiling instead of a fixed load. Pre-encoded 1 s batches of",
      "--vins cars (10 signals at 10 Hz) go out as fast as the broker (embedded, or --broker)",
      "takes them and the ingest acks them; then every VIN's samples are counted in the store."
    })
final class BenchCommand implements Callable<Integer> {
  /** The benchmark's fleet: 1,000 cars measured for a minute, its folder new or empty. */
  static final class Options extends CommandOptions {
    Options() {
      defaultValue("--vehicles", "1000");
      defaultValue("--duration", "60s");
      note("--duration", "Here: the measured time of the end-to-end run, after --warmup.");
      note("--data-dir", "It must be new or empty. Default: a temporary folder, deleted afterwards.");
    }
  }

  @Mixin FleetOptions fleet;
  @Mixin SeedOption seed;
  @Mixin DataDirOption dataDir;
  @Mixin StoreOption store;
  @Mixin MqttClientOption mqttClient;

  @Option(names = "--signals", defaultValue = "10",
      description = "Numeric signals per car, the first of the built-in catalog (default ${DEFAULT-VALUE}).")
  int signals;

  @Option(names = "--rate-hz", defaultValue = "10",
      description = "Samples per second of every signal (default ${DEFAULT-VALUE}).")
  int rateHz;

  @Option(names = "--batch-window", defaultValue = "250ms", converter = DurationConverter.class,
      description = "The agents' batch window, like 250ms or 1s (default ${DEFAULT-VALUE}).")
  Duration batchWindow;

  @Option(names = "--warmup", defaultValue = "15s", converter = DurationConverter.class,
      description = "Time before measuring starts, like 15s or 0s (default ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = "--capacity",
      description = "Measure the ingest's capacity with pre-encoded load instead of real agents.")
  boolean capacity;

  @Option(names = "--vins", paramLabel = "N", defaultValue = "10000",
      description = "With --capacity: VINs of the load, 1 to 100,000 (default ${DEFAULT-VALUE}).")
  int vins;

  @Option(names = "--publishers", paramLabel = "N", defaultValue = "4",
      description = "With --capacity: load connections, 1 to 16 (default ${DEFAULT-VALUE}).")
  int publishers;

  @Option(names = "--broker", paramLabel = "URL",
      description = "With --capacity: a broker such as tcp://127.0.0.1:1883 (default: an embedded one).")
  String broker;

  @Option(names = "--json", paramLabel = "FILE",
      description = "With --capacity: also write the result as JSON here.")
  Path json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Options only one of the two modes takes. */
  private static final List<String> CAPACITY_ONLY = List.of("--vins", "--publishers", "--broker", "--json");
  private static final List<String> AGENTS_ONLY =
      List.of("--vehicles", "--signals", "--rate-hz", "--batch-window", "--data-dir", "--mqtt-client");

  @Override
  public Integer call() {
    requireModeOptions();
    if (capacity) {
      return capacity();
    }
    BenchConfig config;
    try {
      config = new BenchConfig(fleet.vehicles(), signals, rateHz, batchWindow, fleet.duration(),
          warmup, seed.seed(), dataDir.dir(), store.location(), mqttClient.client());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    BenchReport report = BenchRun.run(config, spec.commandLine().getOut());
    report.print(spec.commandLine().getOut());
    return report.clean() ? ExitCodes.OK : ExitCodes.VIOLATION;
  }

  private Integer capacity() {
    CapacityConfig config;
    try {
      config = new CapacityConfig(vins, publishers, fleet.duration(), warmup, seed.seed(),
          Optional.ofNullable(broker), store.location(), Optional.ofNullable(json));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    CapacityResult result = CapacityRun.run(config, spec.commandLine().getOut());
    CapacityReport.print(result, spec.commandLine().getOut());
    config.json().ifPresent(file -> {
      CapacityReport.writeJson(result, file);
      spec.commandLine().getOut().println("json: " + file);
    });
    return result.clean() ? ExitCodes.OK : ExitCodes.VIOLATION;
  }

  private void requireModeOptions() {
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    for (String name : capacity ? AGENTS_ONLY : CAPACITY_ONLY) {
      if (parsed.hasMatchedOption(name)) {
        throw new CommandLine.ParameterException(spec.commandLine(), capacity
            ? name + " is for the run with real agents, not with --capacity"
            : name + " needs --capacity");
      }
    }
  }
}
