package io.spime.twin.custody;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who reads a twin's record, which decides the personal data they get: a party sees personal data
 * recorded in custody epochs it held and data it is the subject of; a technical viewer (a recycler,
 * a battery passport registry, the maker's engineering) sees none. A partner may be shown fewer of
 * the epochs it held: those whose customers do not share their data with it are {@code withheldEpochs}.
 *
 * @param party the reading party; empty for a technical viewer
 * @param withheldEpochs numbers of custody epochs the party held whose personal data it is not shown
 */
public record Viewer(Optional<PartyId> party, Set<Integer> withheldEpochs) {
  public Viewer {
    Objects.requireNonNull(party, "party");
    withheldEpochs = Set.copyOf(withheldEpochs);
    if (party.isPresent() && party.get().equals(PartyId.ERASED)) {
      throw new IllegalArgumentException("'" + PartyId.ERASED + "' stands for erased subjects and cannot view data");
    }
  }

  /** A viewer who is shown the personal data of every epoch it held. */
  public Viewer(Optional<PartyId> party) {
    this(party, Set.of());
  }

  /** A viewer entitled to technical data only. */
  public static Viewer technical() {
    return new Viewer(Optional.empty());
  }

  /** A party viewing; it gets the personal data of its own custody epochs and of itself. */
  public static Viewer party(PartyId party) {
    return new Viewer(Optional.of(party));
  }

  /** A party viewing that is not shown the personal data of the epochs numbered {@code withheld}. */
  public static Viewer partyWithout(PartyId party, Set<Integer> withheld) {
    return new Viewer(Optional.of(party), withheld);
  }

  /** Whether the viewer is shown the personal data of this epoch: it held the epoch, which is not withheld. */
  public boolean sees(CustodyEpoch epoch) {
    return party.map(epoch::heldBy).orElse(false) && !withheldEpochs.contains(epoch.number());
  }
}
