package io.spime.agent;

import io.spime.wire.AssetId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link ChildAgent} in its own JVM, with what it printed so far. */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final Thread reader;
  final AtomicLong lastAccepted = new AtomicLong(-1);
  volatile boolean started;
  volatile boolean done;

  private ChildJvm(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "child-reader");
    reader.setDaemon(true);
    reader.start();
  }

  static ChildJvm start(AssetId vin, String url, Path dataDir, long first, long count, long windowMillis, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx128m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ChildAgent.class.getName());
    command.add(vin.value());
    command.add(url);
    command.add(dataDir.toString());
    command.add(Long.toString(first));
    command.add(Long.toString(count));
    command.add(Long.toString(windowMillis));
    try {
      return new ChildJvm(new ProcessBuilder(command).redirectError(log.toFile()).start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a child JVM", e);
    }
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("ok ")) {
          lastAccepted.set(Long.parseLong(line.substring(3)));
        } else if (line.equals("started")) {
          started = true;
        } else if (line.equals("done")) {
          done = true;
        }
      }
    } catch (IOException e) {
      // the child was killed: its stdout closed
    }
  }

  /** SIGKILL (kill -9), then waits for the process and for its last output to be read. */
  void killNine() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    reader.join(Duration.ofSeconds(10).toMillis());
  }

  @Override
  public void close() throws InterruptedException {
    killNine();
  }
}
