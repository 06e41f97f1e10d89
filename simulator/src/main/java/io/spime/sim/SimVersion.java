package io.spime.sim;

import picocli.CommandLine;

/** Reports the simulator's version from its jar manifest. */
final class SimVersion implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = SpimeSim.class.getPackage().getImplementationVersion();
    return new String[] {"spime-sim " + (version == null ? "development build" : version)};
  }
}
