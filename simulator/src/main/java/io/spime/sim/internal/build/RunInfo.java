package io.spime.sim.internal.build;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Where and how a run was made, for the head of its report and result: with these, two reports
 * can be compared knowing what differed besides the code.
 *
 * @param build the spime-sim version and commit
 * @param startedAt when the run started (to the second)
 * @param commandLine the arguments after {@code spime-sim}, as given
 * @param host the machine's host name
 * @param cores processors available to the JVM
 * @param jvm the JVM's vendor, name and version
 */
public record RunInfo(BuildInfo build, Instant startedAt, String commandLine, String host,
    int cores, String jvm) {
  public RunInfo {
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(commandLine, "commandLine");
  }

  /** This machine and JVM, now, for these arguments. */
  public static RunInfo here(List<String> arguments) {
    return new RunInfo(BuildInfo.load(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
        "spime-sim " + String.join(" ", arguments), hostName(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
            + System.getProperty("java.runtime.version"));
  }

  /** The two lines a run starts with: the build and command line; the date, host, cores, JVM. */
  public String header() {
    return String.format("%s; %s%nstarted %s on %s (%d cores, %s)", build.describe(), commandLine,
        startedAt, host, cores, jvm);
  }

  /** For a report made without a command line (tests, embedding). */
  public static RunInfo embedded() {
    return here(List.of("(embedded)"));
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      // A host without a resolvable name still runs; its reports say so.
      return System.getenv().getOrDefault("HOSTNAME", BuildInfo.UNKNOWN);
    }
  }
}
