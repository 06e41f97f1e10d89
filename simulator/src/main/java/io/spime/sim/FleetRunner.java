package io.spime.sim;

import io.spime.sim.internal.FleetRun;
import io.spime.sim.internal.RunConfig;
import io.spime.sim.internal.RunReport;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Runs a fleet for a command: a bad configuration is a usage error, the verdict is the exit code. */
final class FleetRunner {
  private FleetRunner() {}

  static int run(CommandLine line, Supplier<RunConfig> config) {
    RunConfig checked;
    try {
      checked = config.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(line, e.getMessage());
    }
    RunReport report = new FleetRun(checked, line.getOut()).run();
    report.print(line.getOut());
    return report.clean() ? 0 : SpimeSim.EXIT_VIOLATION;
  }
}
