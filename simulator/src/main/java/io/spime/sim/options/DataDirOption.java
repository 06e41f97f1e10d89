package io.spime.sim.options;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --data-dir}: where the cars' outboxes and the twin store go. */
public final class DataDirOption {
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the outboxes and the twin store go.")
  private Path dir;

  /** Empty when it was left out. */
  public Optional<Path> dir() {
    return Optional.ofNullable(dir);
  }
}
