package io.spime.sim.options;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --report}: the HTML report of a fleet run, with its time series as CSV beside it. */
public final class ReportOption {
  @Option(names = "--report", paramLabel = "FILE",
      description = "Write an HTML report here, and its series as CSV beside it.")
  private Path file;

  /** Empty when it was left out. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }
}
