package io.spime.sim.bench;

import io.spime.sim.SpimeSim;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spime-sim bench}: the broker's loopback limit and cloud sync end to end, in one run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures, on one embedded broker: first the broker's loopback limit (Paho publishers to one",
      "subscriber, payloads of one telemetry batch), then real agents recording at a fixed rate",
      "through the broker into FleetIngest and an SQLite twin store: applied samples/s and",
      "batches/s, latency from record to durable, and that every accepted sample was stored.",
      "Exits 0 when nothing was lost, 1 when anything was."
    })
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--vehicles", defaultValue = "1000",
      description = "Cars, each a real agent with its own outbox (default ${DEFAULT-VALUE}).")
  int vehicles;

  @Option(names = "--signals", defaultValue = "10",
      description = "Numeric signals per car, the first of the built-in catalog (default ${DEFAULT-VALUE}).")
  int signals;

  @Option(names = "--rate-hz", defaultValue = "10",
      description = "Samples per second of every signal (default ${DEFAULT-VALUE}).")
  int rateHz;

  @Option(names = "--batch-window", defaultValue = "250ms", converter = BenchDurations.class,
      description = "The agents' batch window, like 250ms or 1s (default ${DEFAULT-VALUE}).")
  Duration batchWindow;

  @Option(names = "--duration", defaultValue = "60s", converter = BenchDurations.class,
      description = "Measured time of the end-to-end run (default ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--warmup", defaultValue = "15s", converter = BenchDurations.class,
      description = "Time before measuring starts, like 15s or 0s (default ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = "--seed", defaultValue = "1",
      description = "Makes VINs and values repeatable (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--data-dir",
      description = "A new or empty folder for outboxes and the twin store (default: a temporary"
          + " folder, deleted afterwards).")
  Path dataDir;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    BenchConfig config;
    try {
      config = new BenchConfig(vehicles, signals, rateHz, batchWindow, duration, warmup, seed,
          Optional.ofNullable(dataDir));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    BenchReport report = BenchRun.run(config, spec.commandLine().getOut());
    report.print(spec.commandLine().getOut());
    return report.clean() ? 0 : SpimeSim.EXIT_VIOLATION;
  }
}
