package io.spime.sim.options;

import picocli.CommandLine.Option;

/** {@code --scenario}: a built-in scenario by name, or a scenario file by path. */
public final class ScenarioOption {
  @Option(names = "--scenario", paramLabel = "NAME|FILE", defaultValue = "commute",
      description = "commute, outages, rental-fleet, lifetime, renewal, or the path of a .properties scenario"
          + " file (default ${DEFAULT-VALUE}).")
  private String nameOrFile;

  /** The name or the path as given, read with {@code ScenarioSpec.resolve}. */
  public String nameOrFile() {
    return nameOrFile;
  }
}
