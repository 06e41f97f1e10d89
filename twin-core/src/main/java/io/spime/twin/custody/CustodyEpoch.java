package io.spime.twin.custody;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stretch of the car's life with one set of custody holders. Every custody change closes the epoch
 * and opens the next; personal data belongs to the epoch it was recorded in.
 *
 * @param number 1 for the first epoch, then counting up
 * @param from start
 * @param until end; empty for the current epoch
 * @param holders who holds which role
 */
public record CustodyEpoch(
    int number, Instant from, Optional<Instant> until, Map<CustodyRole, CustodyHolder> holders) {
  private static final List<CustodyRole> SUBJECT_ORDER = List.of(
      CustodyRole.DRIVER, CustodyRole.LESSEE, CustodyRole.KEEPER, CustodyRole.OWNER, CustodyRole.FLEET);

  public CustodyEpoch {
    if (number < 1) {
      throw new IllegalArgumentException("epoch number must be 1 or more, was " + number);
    }
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    holders = holders.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(holders));
  }

  /** Whether the party holds any role in this epoch. */
  public boolean heldBy(PartyId party) {
    return holders.values().stream().anyMatch(h -> h.party().equals(party));
  }

  /**
   * The party whose personal data the car produces in this epoch: the holder of the most specific role,
   * {@code DRIVER} before {@code LESSEE}, {@code KEEPER}, {@code OWNER} and {@code FLEET}.
   */
  public Optional<PartyId> dataSubject() {
    for (CustodyRole role : SUBJECT_ORDER) {
      CustodyHolder holder = holders.get(role);
      if (holder != null) {
        return Optional.of(holder.party());
      }
    }
    return Optional.empty();
  }

  /** Whether the instant falls in this epoch. */
  public boolean covers(Instant instant) {
    return !instant.isBefore(from) && until.map(instant::isBefore).orElse(true);
  }
}
