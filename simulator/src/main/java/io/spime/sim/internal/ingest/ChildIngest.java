package io.spime.sim.internal.ingest;

import io.spime.cloud.sync.IngestStats;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingest process of a run, seen from the run: starts its child JVM ({@link IngestProcess}), reads
 * its counters, kills it with SIGKILL and starts it again under the same member name. Its figures
 * add up every life: a life's counters start at zero, and what a killed life said last is kept.
 */
public final class ChildIngest {
  private static final Logger LOG = LoggerFactory.getLogger(ChildIngest.class);
  private static final Duration EXIT_WAIT = Duration.ofSeconds(60);

  private final String member;
  private final List<String> command;
  private final String password;
  private final Path log;
  private Process process;
  private volatile Life life;
  private IngestStats earlierLives = IngestLine.zero();
  private int restarts;
  private final List<String> failures = new ArrayList<>();

  /** One life of the process: what it said last. */
  private static final class Life {
    final CountDownLatch ready = new CountDownLatch(1);
    volatile IngestStats said = IngestLine.zero();
    volatile boolean ending;
  }

  ChildIngest(String member, List<String> command, String password, Path log) {
    this.member = member;
    this.command = List.copyOf(command);
    this.password = password;
    this.log = log;
  }

  /** The member name, {@code ingest-1} and so on. */
  public String member() {
    return member;
  }

  /**
   * Starts the process (again, after a kill).
   *
   * @throws UncheckedIOException if the JVM cannot be started
   */
  synchronized void start() {
    Life next = new Life();
    try {
      OwnerOnlyFiles.createFile(log);
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
      if (password != null) {
        builder.environment().put(IngestLauncher.PASSWORD_ENV, password);
      }
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start ingest process " + member, e);
    }
    life = next;
    Process started = process;
    Thread reader = new Thread(() -> read(started, next), "spime-sim-" + member);
    reader.setDaemon(true);
    reader.start();
    started.onExit().thenAccept(gone -> exited(gone, next));
  }

  /**
   * Waits until the process has subscribed.
   *
   * @throws IllegalStateException naming its log if it died or did not get there within {@code limit}
   */
  void awaitReady(Duration limit) throws InterruptedException {
    Life current = life;
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (current.ready.await(100, TimeUnit.MILLISECONDS)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("ingest process " + member + " exited with " + process.exitValue()
            + " before it was ready; see " + log);
      }
    }
    throw new IllegalStateException("ingest process " + member + " was not ready within " + limit.toSeconds()
        + " s; see " + log);
  }

  /** SIGKILL, then waits for the process to end; what the life said last counts. */
  synchronized void kill() throws InterruptedException {
    life.ending = true;
    process.destroyForcibly();
    process.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
    earlierLives = IngestLine.plus(earlierLives, life.said);
  }

  /** Starts the process again after {@link #kill()}, under the same member name. */
  synchronized void restart() {
    restarts++;
    start();
  }

  /** Tells the process to close (it applies and acks what arrived) and waits for it. */
  synchronized void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    life.ending = true;
    try {
      OutputStream in = process.getOutputStream();
      in.write((IngestLine.CLOSE + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      failures.add("could not be told to close: " + e.getMessage());
    }
    if (!process.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS)) {
      failures.add("did not close within " + EXIT_WAIT.toSeconds() + " s; killed");
      process.destroyForcibly().waitFor();
    } else if (process.exitValue() != 0) {
      failures.add("exited with " + process.exitValue() + " when asked to close (see " + log + ")");
    }
  }

  /** Kills the process if it still runs: the run is over or failed. */
  synchronized void destroy() {
    if (process != null && process.isAlive()) {
      life.ending = true;
      process.destroyForcibly();
    }
  }

  /** Counters over every life so far. */
  public synchronized IngestStats stats() {
    return IngestLine.plus(earlierLives, life == null ? IngestLine.zero() : life.said);
  }

  /** Times it was started again after a kill. */
  public synchronized int restarts() {
    return restarts;
  }

  /** Exits nobody asked for and failed closes; empty when none. */
  public synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  private void read(Process child, Life current) {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (!line.startsWith(IngestLine.PREFIX)) {
          LOG.debug("{}: {}", member, line);
          continue;
        }
        String said = line.substring(IngestLine.PREFIX.length());
        if (said.startsWith(IngestLine.READY)) {
          current.ready.countDown();
        } else if (said.startsWith(IngestLine.STATUS)) {
          current.said = IngestLine.parse(said);
        }
      }
    } catch (IOException e) {
      LOG.debug("{}: its output ended: {}", member, e.toString());
    }
  }

  /** An exit nobody asked for, once the life was ready; a life that ends before is {@link #awaitReady}'s to report. */
  private void exited(Process gone, Life current) {
    if (!current.ending && current.ready.getCount() == 0) {
      synchronized (this) {
        failures.add("exited with " + gone.exitValue() + " on its own (see " + log + ")");
      }
      LOG.error("ingest process {} exited with {} on its own; see {}", member, gone.exitValue(), log);
    }
  }
}
