package io.spime.sim;

import io.spime.sim.internal.build.BuildInfo;
import picocli.CommandLine;

/** Reports the simulator's version and commit, as the build recorded them in the jar. */
final class SimVersion implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {BuildInfo.load().describe()};
  }
}
