package io.spime.wire.state;

import io.spime.wire.event.EventDetail;
import java.util.Objects;
import java.util.Optional;

/**
 * A command the cloud sends a car on {@code spime/v1/{vin}/command}; its result comes back as an
 * {@link EventDetail.CommandResult} event.
 *
 * @param commandId the cloud's id for it, not blank
 * @param kind what it asks
 * @param issuedMillis when the cloud issued it, Unix epoch milliseconds
 * @param expiresMillis after this instant it must not be acted on (0: never expires)
 * @param profile the profile of an {@link Kind#APPLY_PROFILE} command; empty for the other kinds
 */
public record Command(
    String commandId, Kind kind, long issuedMillis, long expiresMillis, Optional<DriverProfile> profile) {
  public Command {
    Objects.requireNonNull(commandId, "commandId");
    if (commandId.isBlank()) {
      throw new IllegalArgumentException("commandId must not be blank");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(profile, "profile");
    if ((kind == Kind.APPLY_PROFILE) != profile.isPresent()) {
      throw new IllegalArgumentException("command " + commandId + " of kind " + kind
          + (profile.isPresent() ? " must not carry a profile" : " needs a profile"));
    }
  }

  /** What a command asks. */
  public enum Kind {
    /** Send everything in the outbox now. */
    FLUSH_NOW,
    /** Send the current value of every collected signal. */
    SEND_SNAPSHOT,
    /** Apply a driver profile at once. */
    APPLY_PROFILE
  }
}
