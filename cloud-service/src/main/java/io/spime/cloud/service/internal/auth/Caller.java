package io.spime.cloud.service.internal.auth;

import io.spime.cloud.service.Role;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Viewer;
import java.util.Objects;

/** Who calls: the token's subject as a party, and its role. */
public record Caller(PartyId party, Role role) {
  public Caller {
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(role, "role");
  }

  /** How the twin store's privacy projection sees this caller: staff see technical data only. */
  public Viewer viewer() {
    return role.isOem() ? Viewer.technical() : Viewer.party(party);
  }
}
