package io.spime.sim.internal.fleet;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

/**
 * How a run talks while it drives: a progress bar redrawn in place for a person at a terminal,
 * a whole status line every {@code every} for a file or a pipeline (never a carriage return, so a
 * log line can never glue onto it), or nothing ({@code --quiet}, which also leaves out the header
 * and the per-car table).
 *
 * @param status what shows the drive's progress
 * @param every how often a status line is printed in {@link Status#LINES}
 * @param quiet whether only the result (and where the data went) is printed
 * @param statusOut where the bar or the status lines go: standard error, with the logs
 */
public record ConsoleMode(Status status, Duration every, boolean quiet, PrintStream statusOut) {
  /** What shows progress. */
  public enum Status {
    /** A bar redrawn in place; only for a terminal. */
    BAR,
    /** A whole line every so often. */
    LINES,
    /** Nothing. */
    NONE
  }

  /** A status line every 10 s unless told otherwise. */
  public static final Duration DEFAULT_EVERY = Duration.ofSeconds(10);

  public ConsoleMode {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(statusOut, "statusOut");
    if (every.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("--status-every must be 1s or more, was " + every);
    }
  }

  /**
   * The bar when standard output is a terminal, status lines when it is a file or a pipe, nothing
   * when quiet.
   */
  public static ConsoleMode auto(boolean quiet, Duration every) {
    Status status = quiet ? Status.NONE : System.console() != null ? Status.BAR : Status.LINES;
    return new ConsoleMode(status, every, quiet, System.err);
  }

  /** Status lines every 10 s on standard error: what a run embedded in a program gets. */
  public static ConsoleMode lines() {
    return new ConsoleMode(Status.LINES, DEFAULT_EVERY, false, System.err);
  }
}
