package io.spime.sim.internal.process;

import io.spime.agent.AgentStats;
import io.spime.agent.EdgeAgent;
import io.spime.mqtt.MqttSecurity;
import io.spime.sim.internal.car.CarAgents;
import io.spime.sim.internal.car.VirtualCar;
import io.spime.sim.internal.keys.DownlinkPin;
import io.spime.sim.internal.ledger.Ledger;
import io.spime.sim.internal.ledger.LedgerFile;
import io.spime.sim.internal.model.CarModel;
import io.spime.sim.internal.scenario.MqttClient;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.sim.internal.threads.SimThreads;
import io.spime.wire.AssetId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An out-of-process car in its child JVM: one {@link VirtualCar} with its real agent and a
 * {@link LedgerFile}; after a restart it continues from its ledger (last values, open trouble
 * codes, and the trouble-code change that was pending at the kill, raised again). It reports its
 * state on standard output in lines that start with {@link #PREFIX} ({@code ready}, then {@code
 * status key=value ...} every 200 ms) and obeys lines on standard input: {@code stop} (stop
 * driving, seal what is pending) and {@code close} (disconnect cleanly and exit 0). When standard
 * input ends without {@code close}, the fleet is gone and it exits at once. {@link ChildCar} is the
 * other end.
 */
public final class CarProcess {
  private static final Logger LOG = LoggerFactory.getLogger(CarProcess.class);
  static final String PREFIX = "spime-car ";
  static final String READY = "ready";
  static final String STATUS = "status";
  static final String STOP = "stop";
  static final String CLOSE = "close";
  static final long STATUS_MILLIS = 200;

  /** How a car's process ends when it is not halted. */
  public enum Ending {
    /** Told to {@code close}: it disconnected cleanly. */
    CLOSED,
    /** Its standard input ended without {@code close}: the fleet's process is gone. */
    ORPHANED
  }

  /**
   * What the child is told.
   *
   * @param drive how long the run drives (the {@code lifetime} scenario's cars live their life in it)
   * @param restarts how many times this car's process was restarted before (0 the first time)
   */
  public record Args(AssetId vin, int index, long seed, String brokerUrl, Path agentDir,
      Path ledgerFile, Path scenarioFile, Duration drive, int restarts, MqttSecurity security,
      Optional<DownlinkPin> pin) {
    /** Without TLS files or credentials, pinning no downlink key (it refuses every desired state and command). */
    public Args(AssetId vin, int index, long seed, String brokerUrl, Path agentDir, Path ledgerFile,
        Path scenarioFile, Duration drive, int restarts) {
      this(vin, index, seed, brokerUrl, agentDir, ledgerFile, scenarioFile, drive, restarts,
          MqttSecurity.none(), Optional.empty());
    }
  }

  private final Args args;
  private final PrintStream out;
  private final Runnable halt;
  private final ScheduledExecutorService clock =
      Executors.newSingleThreadScheduledExecutor(SimThreads.daemon("spime-car"));
  private VirtualCar car;
  private long acceptedAtStart;
  private ScheduledFuture<?> ticks;
  private volatile boolean stopped;

  private CarProcess(Args args, PrintStream out, Runnable halt) {
    this.args = args;
    this.out = out;
    this.halt = halt;
  }

  /**
   * Runs the car until {@code close} or the end of {@code in}. When the car cannot go on (its ledger
   * cannot be written), it says so and calls {@code halt} on its clock thread; the car command halts
   * the JVM there.
   *
   * @throws IllegalArgumentException if the scenario file is not valid
   */
  public static Ending run(Args args, BufferedReader in, PrintStream out, Runnable halt) {
    return new CarProcess(args, out, halt).drive(in);
  }

  private Ending drive(BufferedReader in) {
    ScenarioSpec scenario = ScenarioSpec.resolve(args.scenarioFile().toString());
    LedgerFile file = LedgerFile.open(args.ledgerFile());
    Ledger ledger = Ledger.continuing(file);
    acceptedAtStart = ledger.accepted();
    CarModel model = new CarModel(
        CarModel.seedFor(args.seed(), args.index(), args.restarts()), scenario, args.drive());
    if (args.restarts() > 0) {
      model.resume(VirtualCar.modelValues(args.vin(), ledger.lastValues()), ledger.dtcs().open());
    }
    EdgeAgent agent =
        CarAgents.build(args.vin(), args.brokerUrl(), args.agentDir(), scenario, Optional.empty(),
            args.security(), args.pin(), MqttClient.PAHO); // one car per process: threads are no concern
    agent.start();
    car = new VirtualCar(args.vin(), model, agent, ledger);
    car.boot(System.currentTimeMillis());
    say(READY + " uptimeMillis=" + ManagementFactory.getRuntimeMXBean().getUptime());
    ticks = clock.scheduleAtFixedRate(() -> guarded(() -> car.tick(System.currentTimeMillis())),
        VirtualCar.TICK_MILLIS, VirtualCar.TICK_MILLIS, TimeUnit.MILLISECONDS);
    clock.scheduleAtFixedRate(() -> guarded(this::report), 0, STATUS_MILLIS, TimeUnit.MILLISECONDS);
    try {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals(STOP)) {
          onClock(this::stop);
        } else if (line.equals(CLOSE)) {
          clock.shutdownNow();
          agent.close();
          file.close();
          return Ending.CLOSED;
        } else {
          LOG.warn("car {}: unknown command '{}'", args.vin(), line);
        }
      }
    } catch (IOException e) {
      LOG.warn("car {}: cannot read commands: {}", args.vin(), e.toString());
    }
    LOG.warn("car {}: the fleet is gone (standard input ended); exiting", args.vin());
    return Ending.ORPHANED;
  }

  private void stop() {
    ticks.cancel(false);
    car.stopDriving();
    stopped = true;
    report();
  }

  private void report() {
    AgentStats stats = car.agent().stats();
    Ledger ledger = car.ledger();
    boolean drained = stopped && stats.backlogBatches() == 0
        && stats.acceptedSamples() == ledger.accepted() - acceptedAtStart;
    say(STATUS + " accepted=" + ledger.accepted() + " refused=" + ledger.refused()
        + " backlog=" + stats.backlogBatches() + " connected=" + stats.connected()
        + " connects=" + stats.connects() + " reconnects=" + stats.reconnects()
        + " drained=" + drained + " rssKb=" + residentKb());
  }

  private void say(String line) {
    out.println(PREFIX + line);
    out.flush();
  }

  /** A failure on the car's clock (the ledger cannot be written) ends the process: it proves nothing. */
  private void guarded(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException | Error e) {
      LOG.error("car {} cannot go on", args.vin(), e);
      say("failed " + e);
      halt.run();
    }
  }

  private void onClock(Runnable work) {
    try {
      clock.submit(() -> guarded(work)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("car " + args.vin() + ": " + e.getCause(), e.getCause());
    }
  }

  /** The {@code key=value} fields of a status line. */
  static Map<String, String> fields(String said) {
    Map<String, String> fields = new HashMap<>();
    for (String part : said.split(" ")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        fields.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return Map.copyOf(fields);
  }

  /** This process's resident memory from /proc, in KB; -1 where there is no /proc. */
  static long residentKb() {
    Path status = Path.of("/proc/self/status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
