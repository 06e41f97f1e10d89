package io.spime.twin.custody;

import java.util.Objects;
import java.util.Optional;

/**
 * A party holding a custody role, with the term of its lease if it has one.
 *
 * @param party the party
 * @param term the lease term (for lessees) or contract term
 */
public record CustodyHolder(PartyId party, Optional<Term> term) {
  public CustodyHolder {
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(term, "term");
  }
}
