package io.spime.sim.internal.report;

import io.spime.sim.internal.faults.AgentKill;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The cars that ran their agent in a child JVM: their kills, restarts, start-up times and memory.
 *
 * @param cars how many cars ran out of process
 * @param kills every SIGKILL, in order
 * @param restarts how many times a killed car was started again
 * @param startupMillis each start of a child, from spawning its JVM to its first samples accepted
 * @param maxRssKb the largest resident memory a child reported, in KB; -1 when unknown
 */
public record OutOfProcessCars(
    int cars, List<AgentKill> kills, int restarts, List<Long> startupMillis, long maxRssKb) {
  /** No car ran out of process. */
  public static final OutOfProcessCars NONE = new OutOfProcessCars(0, List.of(), 0, List.of(), -1);

  public OutOfProcessCars {
    kills = List.copyOf(kills);
    startupMillis = List.copyOf(startupMillis);
  }

  /** Child JVMs started: one per car, and one per restart. */
  public int starts() {
    return cars + restarts;
  }

  /** Kills whose process ended by SIGKILL (exit 137). */
  public long bySigkill() {
    return kills.stream().filter(AgentKill::bySigkill).count();
  }

  /** The median start-up time, 0 when no child started. */
  public long startupP50Millis() {
    return percentile(50);
  }

  /** The longest start-up time, 0 when no child started. */
  public long startupMaxMillis() {
    return percentile(100);
  }

  private long percentile(int percent) {
    if (startupMillis.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(startupMillis);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }
}
