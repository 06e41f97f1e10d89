package io.spime.sim.options;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How a fleet run talks and what it leaves: {@code --quiet}, {@code --status-every}, {@code
 * --json FILE} and {@code --keep-data}.
 */
public final class OutputOptions {
  @Option(names = "--quiet",
      description = "Print no progress, no header and no table: only the result line and where"
          + " the data went.")
  private boolean quiet;

  @Option(names = "--status-every", paramLabel = "D", converter = DurationConverter.class,
      defaultValue = "10s",
      description = "When the output is not a terminal, print a status line this often"
          + " (default ${DEFAULT-VALUE}).")
  private Duration statusEvery = Duration.ofSeconds(10);

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write the result as JSON here: the header, the verdict and every"
          + " figure of the summary.")
  private Path json;

  @Option(names = "--keep-data",
      description = "Keep the run's temporary data folder (a --data-dir is always kept).")
  private boolean keepData;

  public boolean quiet() {
    return quiet;
  }

  public Duration statusEvery() {
    return statusEvery;
  }

  /** Empty when it was left out. */
  public Optional<Path> json() {
    return Optional.ofNullable(json);
  }

  public boolean keepData() {
    return keepData;
  }
}
