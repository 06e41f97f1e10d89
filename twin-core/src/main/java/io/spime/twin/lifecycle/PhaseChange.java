package io.spime.twin.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * One move of the lifecycle.
 *
 * @param to the phase entered
 * @param at when
 * @param revision the revision of the event that made the move
 */
public record PhaseChange(LifecyclePhase to, Instant at, long revision) {
  public PhaseChange {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
  }
}
