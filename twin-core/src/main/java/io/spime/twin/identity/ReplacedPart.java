package io.spime.twin.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * One link of part genealogy.
 *
 * @param at when the swap happened
 * @param removed the instance taken out
 * @param installed the instance put in
 * @param reason why
 */
public record ReplacedPart(Instant at, ComponentInstance removed, ComponentInstance installed, String reason) {
  public ReplacedPart {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(removed, "removed");
    Objects.requireNonNull(installed, "installed");
    Objects.requireNonNull(reason, "reason");
  }
}
