package io.spime.twin.custody;

import java.util.Objects;
import java.util.Optional;

/**
 * Who reads a twin's record, which decides the personal data they get: a party sees personal data
 * recorded in custody epochs it held and data it is the subject of; a technical viewer (a recycler,
 * a battery passport registry, the maker's engineering) sees none.
 *
 * @param party the reading party; empty for a technical viewer
 */
public record Viewer(Optional<PartyId> party) {
  public Viewer {
    Objects.requireNonNull(party, "party");
    if (party.isPresent() && party.get().equals(PartyId.ERASED)) {
      throw new IllegalArgumentException("'" + PartyId.ERASED + "' stands for erased subjects and cannot view data");
    }
  }

  /** A viewer entitled to technical data only. */
  public static Viewer technical() {
    return new Viewer(Optional.empty());
  }

  /** A party viewing; it gets the personal data of its own custody epochs and of itself. */
  public static Viewer party(PartyId party) {
    return new Viewer(Optional.of(party));
  }
}
