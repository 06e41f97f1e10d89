package io.spime.twin.identity;

import io.spime.twin.internal.Checks;
import java.util.Objects;

/**
 * One component swapped at a service: which serial replaced which.
 *
 * @param slot the slot, which must hold {@code removedSerial} before
 * @param removedSerial serial of the removed instance
 * @param installed the new instance, in the same slot
 * @param reason why
 */
public record ComponentReplacement(
    String slot, String removedSerial, ComponentInstance installed, String reason) {
  public ComponentReplacement {
    Checks.text(slot, "slot");
    Checks.text(removedSerial, "removedSerial");
    Objects.requireNonNull(installed, "installed");
    Objects.requireNonNull(reason, "reason");
    if (!installed.slot().equals(slot)) {
      throw new IllegalArgumentException(
          "installed component is for slot " + installed.slot() + ", not " + slot);
    }
  }
}
