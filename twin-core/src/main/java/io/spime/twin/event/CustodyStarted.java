package io.spime.twin.event;

import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Term;
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

  /** The party becomes the owner. */
  public static CustodyStarted owner(PartyId party) {
    return new CustodyStarted(CustodyRole.OWNER, party, Optional.empty());
  }

  /** The party becomes the registered keeper. */
  public static CustodyStarted keeper(PartyId party) {
    return new CustodyStarted(CustodyRole.KEEPER, party, Optional.empty());
  }

  /** The party leases the car for this term. */
  public static CustodyStarted lessee(PartyId party, Term term) {
    return new CustodyStarted(CustodyRole.LESSEE, party, Optional.of(term));
  }

  /** The car joins this party's fleet. */
  public static CustodyStarted fleet(PartyId party) {
    return new CustodyStarted(CustodyRole.FLEET, party, Optional.empty());
  }

  /** The party drives the car (rental, loaner, car share). */
  public static CustodyStarted driver(PartyId party) {
    return new CustodyStarted(CustodyRole.DRIVER, party, Optional.empty());
  }
}
