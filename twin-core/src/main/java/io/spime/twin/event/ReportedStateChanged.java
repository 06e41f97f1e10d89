package io.spime.twin.event;

import io.spime.twin.state.StateDocument;
import java.util.Objects;

/**
 * The car reports its state; the version must be higher than the last reported one.
 *
 * @param state the whole reported document
 */
public record ReportedStateChanged(StateDocument state) implements TwinEvent {
  public ReportedStateChanged {
    Objects.requireNonNull(state, "state");
  }
}
