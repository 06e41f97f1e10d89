package io.spime.agent;

import java.util.Objects;

/**
 * How the agent answered a command; the same result goes up to the cloud as an event.
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
