package io.spime.agent;

import java.util.Objects;
import java.util.Optional;

/**
 * A command the cloud sent on {@code spime/v1/{vin}/command}, as handled by the agent.
 *
 * @param commandId the cloud's id for it
 * @param kind what it asks
 * @param issuedMillis when the cloud issued it
 * @param expiresMillis after this instant it must not be acted on (0: never expires)
 * @param profile the profile of an {@link Kind#APPLY_PROFILE} command
 */
public record AgentCommand(
    String commandId, Kind kind, long issuedMillis, long expiresMillis, Optional<DriverProfile> profile) {
  public AgentCommand {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(profile, "profile");
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
