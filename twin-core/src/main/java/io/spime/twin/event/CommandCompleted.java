package io.spime.twin.event;

import io.spime.twin.state.CommandStatus;
import java.util.Objects;

/**
 * A command ended: the car applied, rejected or failed it, or it expired. The command leaves the
 * twin's open commands. A completion of an id the twin does not know as open is allowed and only
 * recorded: the command may have been issued by another system, or completed before.
 *
 * @param commandId the command's id, 1 to 128 characters
 * @param status how it ended
 * @param message what the car or the issuer said; may be empty
 */
public record CommandCompleted(String commandId, CommandStatus status, String message) implements TwinEvent {
  public CommandCompleted {
    Commands.checkId(commandId);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
  }
}
