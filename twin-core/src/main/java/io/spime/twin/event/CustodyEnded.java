package io.spime.twin.event;

import io.spime.twin.custody.CustodyRole;
import java.util.Objects;

/**
 * The holder of a role gives it up (only IN_SERVICE or OFF_ROAD); a new custody epoch begins.
 *
 * @param role the role that becomes vacant
 * @param reason why
 */
public record CustodyEnded(CustodyRole role, String reason) implements TwinEvent {
  public CustodyEnded {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(reason, "reason");
  }
}
