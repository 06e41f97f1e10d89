package io.spime.cloud.sync;

import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An ingest process of a share group for tests that SIGKILL it: {@code main(broker, store, group,
 * member)} runs a {@link FleetIngest} into the SQLite file until killed (member {@code -}: unnamed,
 * its session ends with it); it prints {@code ready} once subscribed. {@link #start} spawns one.
 */
final class IngestMember {
  private final Process process;

  private IngestMember(Process process) {
    this.process = process;
  }

  public static void main(String[] args) throws InterruptedException {
    try (TwinStore store = TwinStores.sqlite(Path.of(args[1]))) {
      FleetIngest.Builder builder = FleetIngest.builder(args[0], store).shareGroup(args[2]);
      if (!args[3].equals("-")) {
        builder.member(args[3]);
      }
      try (FleetIngest ingest = builder.build()) {
        ingest.start();
        System.out.println("ready");
        System.out.flush();
        while (!new CountDownLatch(1).await(1, TimeUnit.SECONDS)) {
          IngestStats stats = ingest.stats();
          System.out.printf("received %d applied %d duplicates %d gaps %d acks %d%n", stats.received(),
              stats.appliedBatches(), stats.duplicateBatches(), stats.gapBatches(), stats.acksSent());
          System.out.flush();
        }
      }
    }
  }

  /** Spawns a member with this test's class path, its output in {@code log}; waits until it is subscribed. */
  static IngestMember start(String broker, Path store, String group, String member, Path log)
      throws InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-Xmx128m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        IngestMember.class.getName(), broker, store.toString(), group, member));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start an ingest member", e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (ready(log)) {
        return new IngestMember(process);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("ingest member " + member + " exited with " + process.exitValue()
            + "; see " + log);
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("ingest member " + member + " was not ready within 60 s; see " + log);
  }

  /** SIGKILL, then waits until the process is gone. */
  void killNine() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  private static boolean ready(Path log) {
    try {
      return java.nio.file.Files.readAllLines(log).stream().anyMatch("ready"::equals);
    } catch (IOException e) {
      return false;
    }
  }
}
