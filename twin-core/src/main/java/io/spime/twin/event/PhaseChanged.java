package io.spime.twin.event;

import io.spime.twin.lifecycle.LifecyclePhase;
import java.util.Objects;

/**
 * A lifecycle move to IN_TRANSIT, IN_STOCK, IN_SERVICE or OFF_ROAD; the end-of-life phases are entered
 * with {@link Deregistered}, {@link Dismantled} and {@link Recycled}, which carry their records.
 *
 * @param to the phase entered
 * @param reason why, free text
 */
public record PhaseChanged(LifecyclePhase to, String reason) implements TwinEvent {
  public PhaseChanged {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
  }
}
