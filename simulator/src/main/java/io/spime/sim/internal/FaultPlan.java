package io.spime.sim.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The faults of a run, drawn once from the seed so the same seed gives the same faults: link cuts
 * per car (tunnels, dead zones) and broker restarts.
 */
record FaultPlan(List<Fault> faults) {

  /** One fault: at {@code at} after the start, for {@code length}; car index -1 is the broker. */
  record Fault(Duration at, Duration length, int car) {
    boolean isBrokerRestart() {
      return car < 0;
    }
  }

  FaultPlan {
    faults = List.copyOf(faults);
  }

  static FaultPlan draw(ScenarioSpec scenario, int vehicles, Duration duration, long seed) {
    Random random = new Random(seed ^ 0x5EED_FA17L);
    List<Fault> faults = new ArrayList<>();
    double hours = duration.toMillis() / 3_600_000.0;
    for (int car = 0; car < vehicles; car++) {
      int count = poisson(random, scenario.tunnelsPerCarPerHour() * hours);
      for (int i = 0; i < count; i++) {
        Duration at = Duration.ofMillis((long) (random.nextDouble() * duration.toMillis() * 0.8));
        faults.add(new Fault(at, pick(random, scenario.tunnel()), car));
      }
    }
    for (int i = 1; i <= scenario.brokerRestarts(); i++) {
      faults.add(new Fault(duration.multipliedBy(i).dividedBy(scenario.brokerRestarts() + 1),
          Duration.ZERO, -1));
    }
    faults.sort(Comparator.comparing(Fault::at));
    return new FaultPlan(faults);
  }

  long linkCuts() {
    return faults.stream().filter(fault -> !fault.isBrokerRestart()).count();
  }

  long brokerRestarts() {
    return faults.stream().filter(Fault::isBrokerRestart).count();
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
