package io.spime.sim.internal.faults;

import io.spime.sim.internal.scenario.ScenarioFaults;
import io.spime.sim.internal.scenario.ScenarioSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The faults of a run, drawn once from the seed so the same seed gives the same faults: link cuts
 * per car (tunnels, dead zones), broker restarts, and SIGKILLs of the agents of the cars that run
 * out of process (cars {@code 0 .. outOfProcessCars-1}), each followed by a restart.
 *
 * @param faults every fault, by time
 * @param outOfProcessCars how many cars run their agent in a child process (the first ones)
 */
public record FaultPlan(List<Fault> faults, int outOfProcessCars) {
  /** Faults happen in the first 80 % of the drive, so the last ones have time to heal. */
  private static final double WINDOW = 0.8;

  /** What a fault does. */
  enum Kind {
    /** The car's link is cut for {@code length}. */
    LINK_CUT,
    /** The broker restarts. */
    BROKER_RESTART,
    /** The car's agent process gets SIGKILL and restarts {@code length} later. */
    AGENT_KILL
  }

  /** One fault: at {@code at} after the start, for {@code length}; car -1 is the broker. */
  record Fault(Kind kind, Duration at, Duration length, int car) {
    boolean isBrokerRestart() {
      return kind == Kind.BROKER_RESTART;
    }
  }

  public FaultPlan {
    faults = List.copyOf(faults);
    if (outOfProcessCars < 0) {
      throw new IllegalArgumentException("outOfProcessCars must be 0 or more, was " + outOfProcessCars);
    }
  }

  public static FaultPlan draw(ScenarioSpec scenario, int vehicles, Duration duration, long seed) {
    ScenarioFaults rates = scenario.faults();
    Random random = new Random(seed ^ 0x5EED_FA17L);
    List<Fault> faults = new ArrayList<>();
    double hours = duration.toMillis() / 3_600_000.0;
    for (int car = 0; car < vehicles; car++) {
      int count = poisson(random, rates.tunnelsPerCarPerHour() * hours);
      for (int i = 0; i < count; i++) {
        Duration at = Duration.ofMillis((long) (random.nextDouble() * duration.toMillis() * WINDOW));
        faults.add(new Fault(Kind.LINK_CUT, at, pick(random, rates.tunnel()), car));
      }
    }
    for (int i = 1; i <= rates.brokerRestarts(); i++) {
      faults.add(new Fault(Kind.BROKER_RESTART,
          duration.multipliedBy(i).dividedBy(rates.brokerRestarts() + 1), Duration.ZERO, -1));
    }
    int outOfProcess = Math.min(rates.killedCars(), vehicles);
    faults.addAll(kills(rates, outOfProcess, duration, new Random(seed ^ 0x0C1_D1E5L)));
    faults.sort(Comparator.comparing(Fault::at));
    return new FaultPlan(faults, outOfProcess);
  }

  /**
   * Kills as a Poisson process over each car's time up: after a restart the next kill comes an
   * exponential wait later (it may hit the child while it is still starting), never while the car
   * is down.
   */
  private static List<Fault> kills(ScenarioFaults rates, int cars, Duration duration, Random random) {
    List<Fault> kills = new ArrayList<>();
    if (rates.agentKillsPerCarPerHour() <= 0) {
      return kills;
    }
    double meanGapMillis = 3_600_000.0 / rates.agentKillsPerCarPerHour();
    double window = duration.toMillis() * WINDOW;
    for (int car = 0; car < cars; car++) {
      double at = 0;
      while (true) {
        at += -Math.log(1 - random.nextDouble()) * meanGapMillis;
        if (at >= window) {
          break;
        }
        Duration down = pick(random, rates.agentRestart());
        kills.add(new Fault(Kind.AGENT_KILL, Duration.ofMillis((long) at), down, car));
        at += down.toMillis();
      }
    }
    return kills;
  }

  public long linkCuts() {
    return count(Kind.LINK_CUT);
  }

  public long brokerRestarts() {
    return count(Kind.BROKER_RESTART);
  }

  long agentKills() {
    return count(Kind.AGENT_KILL);
  }

  private long count(Kind kind) {
    return faults.stream().filter(fault -> fault.kind() == kind).count();
  }

  private static Duration pick(Random random, ScenarioSpec.Range range) {
    long min = range.min().toMillis();
    long max = range.max().toMillis();
    return Duration.ofMillis(min + (long) (random.nextDouble() * (max - min)));
  }

  private static int poisson(Random random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }
}
