package io.spime.sim;

import io.spime.sim.bench.BenchConfig;
import io.spime.sim.bench.BenchReport;
import io.spime.sim.bench.BenchRun;
import io.spime.sim.options.CommandOptions;
import io.spime.sim.options.DataDirOption;
import io.spime.sim.options.DurationConverter;
import io.spime.sim.options.FleetOptions;
import io.spime.sim.options.SeedOption;
import io.spime.sim.options.StoreOption;
import java.time.Duration;
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
      "Exits 0 when nothing was lost, 1 when anything was."
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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    BenchConfig config;
    try {
      config = new BenchConfig(fleet.vehicles(), signals, rateHz, batchWindow, fleet.duration(),
          warmup, seed.seed(), dataDir.dir(), store.location());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    BenchReport report = BenchRun.run(config, spec.commandLine().getOut());
    report.print(spec.commandLine().getOut());
    return report.clean() ? ExitCodes.OK : ExitCodes.VIOLATION;
  }
}
