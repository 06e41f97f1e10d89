package io.spime.sim.internal.process;

import io.spime.sim.internal.car.CarStatus;
import io.spime.sim.internal.car.FleetCar;
import io.spime.sim.internal.ledger.Ledger;
import io.spime.sim.internal.ledger.LedgerFile;
import io.spime.wire.AssetId;
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
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A car whose agent runs in a child JVM ({@link CarProcess}), so that a fault can SIGKILL it and
 * start it again on the same outbox. Reads the child's status lines; what the car accepted over all
 * its lives is its {@link LedgerFile}.
 */
public final class ChildCar implements FleetCar {
  private static final Logger LOG = LoggerFactory.getLogger(ChildCar.class);
  private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

  private final CarProcess.Args first;
  private final Path log;
  private volatile Process process;
  private volatile ChildLife life;
  private int restarts;
  private int kills;
  private final List<Long> startupMillis = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private volatile long maxRssKb = -1;

  public ChildCar(CarProcess.Args args, Path log) {
    this.first = args;
    this.log = log;
  }

  /**
   * Starts the child process (again, after a kill: {@code restarts} grows by one).
   *
   * @throws UncheckedIOException if the JVM cannot be started
   */
  public synchronized void start() {
    CarProcess.Args args = new CarProcess.Args(first.vin(), first.index(), first.seed(),
        first.brokerUrl(), first.agentDir(), first.ledgerFile(), first.scenarioFile(),
        first.drive(), restarts, first.security(), first.pin());
    ChildLife next = new ChildLife(life);
    try {
      OwnerOnlyFiles.createFile(log); // the redirect would create it with the default mode
      ProcessBuilder builder = new ProcessBuilder(ChildLauncher.command(args))
          .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
      args.security().password().ifPresent(password -> builder.environment().put(ChildLauncher.PASSWORD_ENV, password));
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the process of car " + vin(), e);
    }
    life = next;
    Process started = process;
    Thread reader = new Thread(() -> read(started, next), "spime-sim-child-" + vin().value());
    reader.setDaemon(true);
    reader.start();
    started.onExit().thenAccept(gone -> exited(gone, next));
  }

  /** Waits until the child has started its agent and recorded its first samples; false if it died. */
  public boolean awaitReady(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    ChildLife current = life;
    while (System.nanoTime() < deadline) {
      if (current.ready.await(100, TimeUnit.MILLISECONDS)) {
        return true;
      }
      if (!process.isAlive()) {
        return current.ready.getCount() == 0;
      }
    }
    return false;
  }

  /** Where the child's standard error goes, over all its lives. */
  public Path log() {
    return log;
  }

  /** SIGKILL (kill -9) for the child, then waits for it; returns its exit value (137). */
  public synchronized int kill() {
    life.ending = true;
    process.destroyForcibly();
    int exit = waitFor(process);
    kills++;
    return exit;
  }

  /**
   * Starts the child again on the same outbox and ledger.
   *
   * @throws IllegalStateException if it still runs
   */
  public synchronized void restart() {
    if (process.isAlive()) {
      throw new IllegalStateException("car " + vin() + " cannot restart: its process still runs");
    }
    restarts++;
    start();
  }

  /** Restarts the child if it is down (killed, its restart not yet due). */
  public synchronized boolean ensureRunning() {
    if (process.isAlive() || !life.ending) {
      return false;
    }
    restart();
    return true;
  }

  boolean isDown() {
    ChildLife current = life;
    return current.ending && !process.isAlive();
  }

  @Override
  public AssetId vin() {
    return first.vin();
  }

  @Override
  public CarStatus status() {
    ChildLife current = life;
    boolean alive = process.isAlive() && !current.ending;
    return new CarStatus(alive && Boolean.parseBoolean(current.status.get("connected")),
        current.accepted(), current.backlog(), current.reconnects(), !alive);
  }

  /** Tells the child to stop; a child that died on its own is already a failure and is left be. */
  @Override
  public synchronized void stopDriving() {
    if (process.isAlive()) {
      send(CarProcess.STOP);
    }
  }

  /**
   * Whether the child stopped and its outbox is empty; also true for a child that died on its own,
   * since nothing more will come from it (the car is reported as failed).
   */
  @Override
  public boolean drained() {
    ChildLife current = life;
    if (!process.isAlive()) {
      return !current.ending;
    }
    return Boolean.parseBoolean(current.status.get("drained"));
  }

  @Override
  public Ledger.Snapshot tally() {
    return LedgerFile.read(first.ledgerFile());
  }

  @Override
  public int kills() {
    return kills;
  }

  /** Start-up times of each life of the child, from spawning the JVM to its first samples. */
  public synchronized List<Long> startupMillis() {
    return List.copyOf(startupMillis);
  }

  /** The largest resident memory the child reported, in KB; -1 when unknown. */
  public long maxRssKb() {
    return maxRssKb;
  }

  /** Exits the child made that nobody asked for (a crash), empty when none. */
  @Override
  public synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  @Override
  public synchronized void close() {
    if (!process.isAlive()) {
      return;
    }
    life.ending = true;
    send(CarProcess.CLOSE);
    int exit = waitFor(process);
    if (exit != 0) {
      failures.add("exited with " + exit + " when asked to close");
    }
  }

  /** Kills the child if it still runs: the run is over or failed. */
  public synchronized void destroy() {
    if (process != null && process.isAlive()) {
      life.ending = true;
      process.destroyForcibly();
    }
  }

  private void send(String command) {
    try {
      OutputStream in = process.getOutputStream();
      in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot send '" + command + "' to car " + vin(), e);
    }
  }

  private void read(Process child, ChildLife current) {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (!line.startsWith(CarProcess.PREFIX)) {
          LOG.debug("car {}: {}", vin(), line);
          continue;
        }
        String said = line.substring(CarProcess.PREFIX.length());
        if (said.startsWith(CarProcess.READY)) {
          synchronized (this) {
            startupMillis.add((System.nanoTime() - current.spawnedNanos) / 1_000_000);
          }
          current.ready.countDown();
        } else if (said.startsWith(CarProcess.STATUS)) {
          current.status = CarProcess.fields(said);
          maxRssKb = Math.max(maxRssKb, Long.parseLong(current.status.getOrDefault("rssKb", "-1")));
        } else {
          LOG.warn("car {}: {}", vin(), said);
        }
      }
    } catch (IOException e) {
      LOG.debug("car {}: its output ended: {}", vin(), e.toString());
    }
  }

  private void exited(Process gone, ChildLife current) {
    if (!current.ending) {
      synchronized (this) {
        failures.add("its process exited with " + gone.exitValue() + " on its own (see " + log + ")");
      }
      LOG.error("car {}: its process exited with {} on its own; see {}", vin(), gone.exitValue(), log);
    }
  }

  private int waitFor(Process child) {
    try {
      if (!child.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        child.destroyForcibly();
        child.waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.destroyForcibly();
      return -1;
    }
    return child.exitValue();
  }
}
