package io.spime.twin.event;

import java.util.Objects;

/**
 * The car was taken off the register (from OFF_ROAD); the phase becomes DEREGISTERED.
 *
 * @param authority the registration authority
 * @param reason such as end of life, export, theft
 */
public record Deregistered(String authority, String reason) implements TwinEvent {
  public Deregistered {
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(reason, "reason");
  }
}
