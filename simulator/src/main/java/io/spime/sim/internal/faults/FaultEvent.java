package io.spime.sim.internal.faults;

import java.util.Objects;

/**
 * One fault as it was injected: what, when (after the drive started), for how long and whom it
 * hit. The report marks these on its time charts and lists them.
 *
 * @param kind what was done
 * @param atMillis when it was done, after the drive started
 * @param lengthMillis how long it was planned to last (0 for a broker restart)
 * @param target the car's VIN, or {@code broker}
 */
public record FaultEvent(Kind kind, long atMillis, long lengthMillis, String target) {
  /** What a fault did, in the report's words. */
  public enum Kind {
    LINK_CUT("link cut"),
    BROKER_RESTART("broker restart"),
    AGENT_KILL("agent kill (SIGKILL)");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** How the report names it. */
    public String label() {
      return label;
    }
  }

  public FaultEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    if (atMillis < 0 || lengthMillis < 0) {
      throw new IllegalArgumentException("a fault's time and length are 0 or more, were "
          + atMillis + " and " + lengthMillis);
    }
  }
}
