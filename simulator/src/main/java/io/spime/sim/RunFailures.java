package io.spime.sim;

import java.io.PrintWriter;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * A run that could not be carried out prints what went wrong, cause by cause, on one line each, and
 * exits with {@link ExitCodes#FAILURE}; the stack trace only with {@code SPIME_DEBUG=1}.
 */
final class RunFailures implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception error, CommandLine line, ParseResult parsed) {
    PrintWriter err = line.getErr();
    err.println("spime-sim: " + line.getCommandName() + " failed: " + error.getMessage());
    for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
      err.println("  caused by: " + cause);
    }
    if ("1".equals(System.getenv("SPIME_DEBUG"))) {
      error.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.FAILURE;
  }
}
