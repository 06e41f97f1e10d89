package io.spime.sim.internal.ingest;

import io.spime.cloud.sync.IngestStats;
import io.spime.mqtt.MqttSecurity;
import io.spime.sim.internal.keys.RunKeys;
import io.spime.sim.internal.threads.SimThreads;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's ingest when it is N processes ({@code --ingests N}): N child JVMs, members {@code
 * ingest-1} … {@code ingest-N} of one share group, on the run's twin store. With {@code
 * --kill-ingest K} it SIGKILLs {@code ingest-1} K times, spread evenly over the drive, and starts it
 * again {@link #RESTART_PAUSE} later under the same member name.
 */
public final class IngestProcesses implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestProcesses.class);
  /** How long a killed ingest process stays down before it is started again. */
  public static final Duration RESTART_PAUSE = Duration.ofSeconds(2);
  private static final Duration READY_LIMIT = Duration.ofSeconds(90);
  /** Starts of a killed process before the run gives it up. */
  private static final int START_ATTEMPTS = 5;
  /** The run's share group. */
  public static final String SHARE_GROUP = "spime-sim";

  private final List<ChildIngest> children;
  private final ScheduledExecutorService faults =
      Executors.newSingleThreadScheduledExecutor(SimThreads.daemon("spime-sim-ingest-faults"));
  private final AtomicInteger kills = new AtomicInteger();
  private final List<String> faultFailures = new ArrayList<>();

  private IngestProcesses(List<ChildIngest> children) {
    this.children = List.copyOf(children);
  }

  /**
   * Starts {@code count} ingest processes and waits until each has subscribed.
   *
   * @throws IllegalStateException naming the log of a process that did not come up
   */
  public static IngestProcesses start(IngestPlan plan, String brokerUrl, String store, MqttSecurity security,
      RunKeys keys, Path logDir) throws InterruptedException {
    int count = plan.processes();
    List<ChildIngest> children = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String member = "ingest-" + i;
      children.add(new ChildIngest(member,
          IngestLauncher.command(brokerUrl, store, SHARE_GROUP, member, security, keys, plan.loseEvery()),
          security.password().orElse(null), logDir.resolve(member + ".log")));
    }
    IngestProcesses processes = new IngestProcesses(children);
    try {
      for (ChildIngest child : children) {
        child.start();
      }
      for (ChildIngest child : children) {
        child.awaitReady(READY_LIMIT);
      }
    } catch (RuntimeException | InterruptedException e) {
      processes.destroy();
      throw e;
    }
    return processes;
  }

  /** Schedules {@code count} kills of {@code ingest-1}, evenly spread over {@code drive}, each followed by a restart. */
  public void scheduleKills(int count, Duration drive) {
    ChildIngest victim = children.get(0);
    for (int k = 1; k <= count; k++) {
      long at = drive.toMillis() * k / (count + 1);
      faults.schedule(() -> killAndRestart(victim), at, TimeUnit.MILLISECONDS);
    }
  }

  private void killAndRestart(ChildIngest victim) {
    try {
      victim.kill();
      kills.incrementAndGet();
      LOG.info("{} killed (SIGKILL); starting it again in {} s", victim.member(), RESTART_PAUSE.toSeconds());
      for (int attempt = 1; ; attempt++) {
        Thread.sleep(RESTART_PAUSE.toMillis());
        victim.restart();
        try {
          victim.awaitReady(READY_LIMIT);
          return;
        } catch (IllegalStateException e) {
          if (attempt == START_ATTEMPTS) {
            throw e;
          }
          // As a supervisor would: the store or broker may be down a moment (a database restart).
          LOG.warn("{} did not come up ({}); starting it again", victim.member(), e.getMessage());
          victim.kill();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      synchronized (faultFailures) {
        faultFailures.add(victim.member() + ": " + e.getMessage());
      }
      LOG.error("{} could not be killed and started again", victim.member(), e);
    }
  }

  /** Counters of every process over all its lives, added up. */
  public IngestStats stats() {
    IngestStats total = IngestLine.zero();
    for (ChildIngest child : children) {
      total = IngestLine.plus(total, child.stats());
    }
    return total;
  }

  /** Ingest processes killed so far. */
  public int kills() {
    return kills.get();
  }

  /** What went wrong with the processes: an exit nobody asked for, a failed restart or close. */
  public List<String> failures() {
    List<String> all = new ArrayList<>();
    synchronized (faultFailures) {
      all.addAll(faultFailures);
    }
    for (ChildIngest child : children) {
      child.failures().forEach(failure -> all.add(child.member() + " " + failure));
    }
    return all;
  }

  /** Waits for the kills still due to finish, then tells every process to close and waits for it. */
  @Override
  public void close() throws InterruptedException {
    faults.shutdown();
    if (!faults.awaitTermination(READY_LIMIT.toSeconds() + RESTART_PAUSE.toSeconds(), TimeUnit.SECONDS)) {
      faults.shutdownNow();
    }
    for (ChildIngest child : children) {
      child.close();
    }
  }

  /** Kills every process still running: the run failed. */
  public void destroy() {
    faults.shutdownNow();
    children.forEach(ChildIngest::destroy);
  }

  /** The per-process table of the summary. */
  public void print(PrintWriter out) {
    out.printf("%ningest processes: %d in share group %s; SIGKILLed and started again: %d%n",
        children.size(), SHARE_GROUP, kills());
    out.printf("%-10s %10s %12s %10s %10s %8s %8s%n", "member", "messages", "samples", "batches", "dup",
        "gaps", "restarts");
    for (ChildIngest child : children) {
      IngestStats s = child.stats();
      out.printf("%-10s %10d %12d %10d %10d %8d %8d%n", child.member(), s.received(), s.appliedSamples(),
          s.appliedBatches(), s.duplicateBatches(), s.gapBatches(), child.restarts());
    }
    failures().forEach(failure -> out.println("  ingest failure: " + failure));
    out.flush();
  }

  /** The per-process figures as CSV, beside the report. */
  public void writeCsv(Path file) {
    StringBuilder csv = new StringBuilder(
        "member,messages,samples_applied,batches_applied,duplicates,gaps,rejected,acks,restarts\n");
    for (ChildIngest child : children) {
      IngestStats s = child.stats();
      csv.append(String.join(",", child.member(), Long.toString(s.received()),
          Long.toString(s.appliedSamples()), Long.toString(s.appliedBatches()),
          Long.toString(s.duplicateBatches()), Long.toString(s.gapBatches()), Long.toString(s.rejectedTotal()),
          Long.toString(s.acksSent()), Integer.toString(child.restarts()))).append('\n');
    }
    try {
      OwnerOnlyFiles.writeString(file, csv);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
