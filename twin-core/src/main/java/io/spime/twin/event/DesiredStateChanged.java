package io.spime.twin.event;

import io.spime.twin.state.StateDocument;
import java.util.Objects;

/**
 * The back end wants the car in this state; the version must be higher than the last desired one.
 *
 * @param state the whole desired document
 */
public record DesiredStateChanged(StateDocument state) implements TwinEvent {
  public DesiredStateChanged {
    Objects.requireNonNull(state, "state");
  }
}
