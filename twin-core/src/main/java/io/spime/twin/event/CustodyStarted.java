package io.spime.twin.event;

import io.spime.twin.CustodyRole;
import io.spime.twin.PartyId;
import io.spime.twin.Term;
import java.util.Objects;
import java.util.Optional;

/**
 * A party takes a custody role (only IN_SERVICE); a previous holder of the role is replaced, and a new
 * custody epoch begins.
 *
 * @param role the role
 * @param party the new holder
 * @param term the lease or contract term, required for LESSEE
 */
public record CustodyStarted(CustodyRole role, PartyId party, Optional<Term> term) implements TwinEvent {
  public CustodyStarted {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(term, "term");
    if (role == CustodyRole.LESSEE && term.isEmpty()) {
      throw new IllegalArgumentException("a LESSEE custody needs the lease term");
    }
  }

  @Override
  public Optional<PartyId> subject() {
    return Optional.of(party);
  }

  @Override
  public TwinEvent erased() {
    return new CustodyStarted(role, PartyId.ERASED, term);
  }
}
