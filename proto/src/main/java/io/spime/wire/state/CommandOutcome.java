package io.spime.wire.state;

import io.spime.wire.event.EventDetail;
import io.spime.wire.session.Status;
import java.util.Objects;

/**
 * How a car answered a {@link Command}; it travels up as an {@link EventDetail.CommandResult}.
 *
 * @param status what happened
 * @param message a human-readable detail (empty when there is nothing to add)
 */
public record CommandOutcome(Status status, String message) {
  public CommandOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
  }

  /** The result of a command. */
  public enum Status { APPLIED, REJECTED, EXPIRED, FAILED }
}
