package io.spime.sim.internal.scenario;

import java.time.Duration;
import java.util.Set;

/**
 * The faults a scenario injects: link cuts per car (tunnels, dead zones), broker restarts, and
 * agents killed with SIGKILL and restarted from their outbox.
 *
 * @param tunnelsPerCarPerHour how often, on average, a car loses its link
 * @param tunnel shortest and longest link loss
 * @param brokerRestarts how many times the (embedded) broker restarts during the run
 * @param killedCars how many cars run their agent in a child process of their own, to be killed
 *     (capped by the fleet's size)
 * @param agentKillsPerCarPerHour how often, on average, such a car's process is killed while it runs
 * @param agentRestart shortest and longest time a killed car stays down before it restarts
 */
public record ScenarioFaults(
    double tunnelsPerCarPerHour,
    ScenarioSpec.Range tunnel,
    int brokerRestarts,
    int killedCars,
    double agentKillsPerCarPerHour,
    ScenarioSpec.Range agentRestart) {

  /** No faults at all. */
  public static final ScenarioFaults NONE = new ScenarioFaults(0, ScenarioSpec.Range.seconds(0, 0),
      0, 0, 0, ScenarioSpec.Range.seconds(1, 5));

  static final Set<String> KEYS = Set.of("tunnelsPerCarPerHour", "tunnel", "brokerRestarts",
      "killedCars", "agentKillsPerCarPerHour", "agentRestart");

  public ScenarioFaults {
    if (!(tunnelsPerCarPerHour >= 0) || Double.isInfinite(tunnelsPerCarPerHour)) {
      throw new IllegalArgumentException(
          "tunnelsPerCarPerHour must be 0 or more, was " + tunnelsPerCarPerHour);
    }
    if (brokerRestarts < 0) {
      throw new IllegalArgumentException("brokerRestarts must be 0 or more, was " + brokerRestarts);
    }
    if (killedCars < 0) {
      throw new IllegalArgumentException("killedCars must be 0 or more, was " + killedCars);
    }
    if (!(agentKillsPerCarPerHour >= 0) || Double.isInfinite(agentKillsPerCarPerHour)) {
      throw new IllegalArgumentException(
          "agentKillsPerCarPerHour must be 0 or more, was " + agentKillsPerCarPerHour);
    }
    if (agentRestart.max().compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(
          "agentRestart must be at most 10m, was up to " + agentRestart.max());
    }
  }

  /** Whether anything is injected: cars then connect through the link proxy. */
  boolean any() {
    return tunnelsPerCarPerHour > 0 || brokerRestarts > 0 || killedCars > 0;
  }

  /** The faults a scenario file names, the rest taken from {@code base}. */
  static ScenarioFaults from(ScenarioFile file, ScenarioFaults base) {
    return new ScenarioFaults(
        file.decimal("tunnelsPerCarPerHour", base.tunnelsPerCarPerHour()),
        file.range("tunnel", base.tunnel()),
        file.count("brokerRestarts", base.brokerRestarts()),
        file.count("killedCars", base.killedCars()),
        file.decimal("agentKillsPerCarPerHour", base.agentKillsPerCarPerHour()),
        file.range("agentRestart", base.agentRestart()));
  }

  /** Writes every key, so a file of them gives these faults back whatever its base. */
  void writeTo(java.util.Properties props) {
    props.setProperty("tunnelsPerCarPerHour", Double.toString(tunnelsPerCarPerHour));
    props.setProperty("tunnel", ScenarioFile.format(tunnel));
    props.setProperty("brokerRestarts", Integer.toString(brokerRestarts));
    props.setProperty("killedCars", Integer.toString(killedCars));
    props.setProperty("agentKillsPerCarPerHour", Double.toString(agentKillsPerCarPerHour));
    props.setProperty("agentRestart", ScenarioFile.format(agentRestart));
  }
}
