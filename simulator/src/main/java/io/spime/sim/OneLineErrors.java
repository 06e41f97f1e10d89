package io.spime.sim;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Prints a bad flag or value as one line plus a hint, and exits with {@link ExitCodes#USAGE}. */
final class OneLineErrors implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(CommandLine.ParameterException error, String[] args) {
    CommandLine line = error.getCommandLine();
    PrintWriter err = line.getErr();
    err.println("spime-sim: " + error.getMessage());
    err.println("Try '" + line.getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return ExitCodes.USAGE;
  }
}
