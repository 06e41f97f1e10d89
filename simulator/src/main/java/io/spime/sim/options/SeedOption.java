package io.spime.sim.options;

import picocli.CommandLine.Option;

/** {@code --seed}: the same seed gives the same VINs, trips, values and faults. */
public final class SeedOption {
  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "The same seed gives the same cars, values and faults (default ${DEFAULT-VALUE}).")
  private long seed;

  public long seed() {
    return seed;
  }
}
