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

/** {@code spime-sim run}: a fleet on a scenario, with faults, verification and a report. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a fleet of virtual cars on a scenario, injects its faults, then checks that every",
      "sample the agents accepted is in its twin, once. Exits 0 when clean, 1 on any violation."
    })
final class RunCommand implements Callable<Integer> {
  @Option(names = "--scenario", defaultValue = "commute",
      description = "commute, outages, rental-fleet, lifetime, or the path of a .properties scenario file "
          + "(default ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--vehicles", defaultValue = "10", description = "Cars in the fleet (default ${DEFAULT-VALUE}).")
  int vehicles;

  @Option(names = "--duration", defaultValue = "1m", converter = DurationConverter.class,
      description = "How long the cars drive, like 30s, 10m, 2h (default ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--seed", defaultValue = "1",
      description = "The same seed gives the same fleet and the same faults (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--broker",
      description = "An external MQTT 5 broker such as tcp://127.0.0.1:1883 (default: embedded).")
  String broker;

  @Option(names = "--store", description = "The SQLite twin store file (default: twins.db in the data folder).")
  Path store;

  @Option(names = "--report", description = "Write an HTML report here, and its series as CSV beside it.")
  Path report;

  @Option(names = "--data-dir", description = "Where outboxes go (default: a new temporary folder).")
  Path dataDir;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return FleetRunner.run(spec.commandLine(), () -> new RunConfig(
        ScenarioSpec.resolve(scenario), vehicles, duration, seed,
        Optional.ofNullable(dataDir), Optional.ofNullable(broker), Optional.ofNullable(store),
        Optional.ofNullable(report)));
  }
}
