package io.spime.sim;

import io.spime.sim.internal.FleetRun;
import io.spime.sim.internal.RunConfig;
import io.spime.sim.internal.RunReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spime-sim demo}: everything in-process, a small fleet, a short run, a loss check. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts an embedded MQTT broker, a cloud ingest with an SQLite twin store and a fleet of",
      "virtual cars, drives them, then compares what each car's agent accepted with its twin.",
      "Exits 0 when nothing was lost, 1 when anything was."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--vehicles", defaultValue = "10", description = "Cars in the fleet (default ${DEFAULT-VALUE}).")
  int vehicles;

  @Option(
      names = "--duration",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "How long the cars drive, like 30s or 2m (default ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--seed", defaultValue = "1", description = "Makes the fleet repeatable (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--data-dir",
      description = "Where outboxes and the twin store go (default: a new temporary folder).")
  Path dataDir;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunConfig config =
        RunConfig.check(spec.commandLine(), vehicles, duration, seed, Optional.ofNullable(dataDir));
    RunReport report = new FleetRun(config, spec.commandLine().getOut()).run();
    report.print(spec.commandLine().getOut());
    return report.clean() ? 0 : SpimeSim.EXIT_VIOLATION;
  }
}
