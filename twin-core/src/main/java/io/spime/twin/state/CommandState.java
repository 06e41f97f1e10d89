package io.spime.twin.state;

import io.spime.twin.internal.Checks;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A command sent to the car that has not completed yet.
 *
 * @param commandId the command's id, unique among the car's open commands
 * @param kind what to do, such as {@code lock}, {@code start_climate}
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being valid
 * @param parameters its parameters
 */
public record CommandState(
    String commandId, String kind, Instant issuedAt, Instant expiresAt, Map<String, String> parameters) {
  public CommandState {
    Checks.text(commandId, "commandId");
    Checks.text(kind, "kind");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    parameters = Map.copyOf(parameters);
  }
}
