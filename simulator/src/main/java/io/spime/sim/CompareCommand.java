package io.spime.sim;

import io.spime.sim.internal.report.ResultComparison;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code spime-sim compare A.json B.json}: two runs' results side by side, with ratios. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Sets two runs' results (written with --json) side by side: where and how each"
        + " ran, their verdicts, and every figure with the ratio of the second to the first.")
final class CompareCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "A.json", description = "The first run's result.")
  Path first;

  @Parameters(index = "1", paramLabel = "B.json", description = "The second run's result.")
  Path second;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ResultComparison comparison;
    try {
      comparison = ResultComparison.read(first, second);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    comparison.print(spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
