package io.spime.twin.exceptions;

import io.spime.twin.lifecycle.LifecyclePhase;
import java.util.Objects;
import java.util.Optional;

/** A lifecycle move, or an event the car's phase does not allow; nothing of its append was written. */
public class IllegalTransitionException extends InvalidEventException {
  private static final long serialVersionUID = 1L;

  private final transient Optional<LifecyclePhase> phase;
  private final String move;

  public IllegalTransitionException(Optional<LifecyclePhase> phase, String move, String why) {
    super(
        "cannot " + Objects.requireNonNull(move, "move") + " in phase "
            + phase.map(Enum::name).orElse("(not produced)") + ": " + why);
    this.phase = phase;
    this.move = move;
  }

  /** The phase the car was in; empty if it has no production record yet. */
  public Optional<LifecyclePhase> phase() {
    return phase;
  }

  /** The attempted move, such as {@code move to IN_STOCK} or {@code start custody OWNER}. */
  public String move() {
    return move;
  }
}
