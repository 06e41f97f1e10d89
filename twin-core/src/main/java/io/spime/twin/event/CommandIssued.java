package io.spime.twin.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A command is sent to the car (while it exists as a vehicle); it stays open in the twin until a
 * {@link CommandCompleted} with its id. Issuing an id that is open already, or one that expires
 * before it is issued, is refused.
 *
 * @param commandId the command's id, 1 to 128 characters
 * @param kind what to do, such as {@code lock}, {@code start_climate}
 * @param expiresAt when it stops being valid
 * @param parameters its parameters
 */
public record CommandIssued(String commandId, String kind, Instant expiresAt, Map<String, String> parameters)
    implements TwinEvent {
  public CommandIssued {
    Commands.checkId(commandId);
    Objects.requireNonNull(kind, "kind");
    if (kind.isBlank()) {
      throw new IllegalArgumentException("command kind must not be blank");
    }
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(parameters, "parameters");
    parameters = Map.copyOf(parameters);
  }
}
