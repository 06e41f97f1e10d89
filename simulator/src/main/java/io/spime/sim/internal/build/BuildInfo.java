package io.spime.sim.internal.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version and commit spime-sim was built from, as the build wrote them into the jar's {@code
 * build.properties} (Maven resource filtering; the commit from buildnumber-maven-plugin's {@code git
 * rev-parse}). A build without {@code .git} or without git has no commit and says so.
 *
 * @param version the Maven version, or {@code unknown} when the jar carries none
 * @param commit the full commit id, or {@code unknown}
 */
public record BuildInfo(String version, String commit) {
  public static final String UNKNOWN = "unknown";

  /** Reads the figures from the jar's resources. */
  public static BuildInfo load() {
    Properties build = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/io/spime/sim/build.properties")) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read build.properties from the spime-sim jar", e);
    }
    return new BuildInfo(filled(build.getProperty("version")), filled(build.getProperty("commit")));
  }

  /** The short form of the commit (12 characters), or {@code unknown}. */
  public String shortCommit() {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }

  /** One line: {@code spime-sim 0.1.0-SNAPSHOT (commit 1a2b3c4d5e6f)}. */
  public String describe() {
    return commit.equals(UNKNOWN)
        ? "spime-sim " + version + " (commit unknown: built without git metadata)"
        : "spime-sim " + version + " (commit " + shortCommit() + ")";
  }

  /** The value, or {@code unknown} when absent, empty or left unfiltered ({@code ${…}}). */
  private static String filled(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value.strip();
  }
}
