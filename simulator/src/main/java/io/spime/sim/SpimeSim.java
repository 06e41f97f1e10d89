package io.spime.sim;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code spime-sim} command line: a fleet of virtual cars against a real broker and twin store. */
@Command(
    name = "spime-sim",
    mixinStandardHelpOptions = true,
    versionProvider = SimVersion.class,
    description = "Runs a fleet of virtual cars with real spime agents and proves nothing was lost.",
    subcommands = {DemoCommand.class, RunCommand.class, CloudCommand.class, TwinCommand.class,
        CarCommand.class, IngestCommand.class, BenchCommand.class, ExportCommand.class,
        CompareCommand.class, VerifyCommand.class})
public final class SpimeSim implements Runnable {
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
    HelpLayout.apply(line);
    return line;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, such as: demo");
  }
}
