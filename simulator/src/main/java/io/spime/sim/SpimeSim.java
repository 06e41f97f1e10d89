package io.spime.sim;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spime-sim} command line: a fleet of virtual cars against a real broker and twin store. */
@Command(
    name = "spime-sim",
    mixinStandardHelpOptions = true,
    versionProvider = SimVersion.class,
    description = "Runs a fleet of virtual cars with real spime agents and proves nothing was lost.",
    subcommands = {DemoCommand.class, RunCommand.class, CloudCommand.class, TwinCommand.class,
        CarCommand.class,
        io.spime.sim.bench.BenchCommand.class})
public final class SpimeSim implements Runnable {
  /** Exit code when the run found lost, duplicated or diverging data. */
  public static final int EXIT_VIOLATION = 1;
  /** Exit code for a bad flag or value. */
  public static final int EXIT_USAGE = 2;
  /** Exit code when the run could not be carried out (a folder not writable, a broker unreachable). */
  public static final int EXIT_FAILURE = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for embedding and tests. */
  public static CommandLine commandLine() {
    CommandLine line = new CommandLine(new SpimeSim());
    line.setParameterExceptionHandler(new OneLineErrors());
    line.setExecutionExceptionHandler(new RunFailures());
    return line;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, such as: demo");
  }
}
