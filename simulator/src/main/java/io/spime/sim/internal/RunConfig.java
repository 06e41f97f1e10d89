package io.spime.sim.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine;

/**
 * What a fleet run does.
 *
 * @param vehicles cars in the fleet, 1 to 10,000
 * @param duration how long the cars drive, 1 s to 24 h
 * @param seed makes the fleet repeatable
 * @param dataDir where outboxes and the twin store go; a temporary folder when empty
 */
public record RunConfig(int vehicles, Duration duration, long seed, Optional<Path> dataDir) {
  public static final int MAX_VEHICLES = 10_000;

  public RunConfig {
    if (vehicles < 1 || vehicles > MAX_VEHICLES) {
      throw new IllegalArgumentException(
          "--vehicles must be 1 to " + MAX_VEHICLES + ", was " + vehicles);
    }
    if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException("--duration must be 1s to 24h, was " + duration);
    }
  }

  /** Builds a config from flags, turning a bad value into a one-line usage error. */
  public static RunConfig check(
      CommandLine line, int vehicles, Duration duration, long seed, Optional<Path> dataDir) {
    try {
      return new RunConfig(vehicles, duration, seed, dataDir);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(line, e.getMessage());
    }
  }
}
