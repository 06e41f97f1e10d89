package io.spime.sim;

import io.spime.sim.internal.RunConfig;
import io.spime.sim.internal.ScenarioSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spime-sim demo}: a short {@code run} of the commute scenario, everything in-process. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts an embedded MQTT broker, a cloud ingest with an SQLite twin store and a fleet of",
      "virtual cars on the commute scenario, then compares what each car's agent accepted with",
      "its twin. Exits 0 when nothing was lost, 1 when anything was."
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

  @Option(names = "--report", description = "Write an HTML report here, and its series as CSV beside it.")
  Path report;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return FleetRunner.run(spec.commandLine(), () -> new RunConfig(
        ScenarioSpec.resolve("commute"), vehicles, duration, seed,
        Optional.ofNullable(dataDir), Optional.empty(), Optional.empty(), Optional.ofNullable(report)));
  }
}
