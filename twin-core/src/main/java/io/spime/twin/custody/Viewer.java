package io.spime.twin.custody;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who reads a twin's record, which decides the personal data they get: a party sees personal data
 * recorded in custody epochs it held and data it is the subject of; a technical viewer (a recycler,
 * a battery passport registry, the maker's engineering) sees none. A partner may be shown fewer of
 * the epochs it held: those whose customers do not share their data with it are {@code withheldEpochs},
 * and data about a customer who does not share is withheld in every epoch ({@code withheldSubjects}).
 *
 * @param party the reading party; empty for a technical viewer
 * @param withheldEpochs numbers of custody epochs the party held whose personal data it is not shown
 * @param withheldSubjects parties whose personal data the viewer is not shown, in any epoch
 */
public record Viewer(Optional<PartyId> party, Set<Integer> withheldEpochs, Set<PartyId> withheldSubjects) {
  public Viewer {
    Objects.requireNonNull(party, "party");
    withheldEpochs = Set.copyOf(withheldEpochs);
    withheldSubjects = Set.copyOf(withheldSubjects);
    if (party.isPresent() && party.get().equals(PartyId.ERASED)) {
      throw new IllegalArgumentException("'" + PartyId.ERASED + "' stands for erased subjects and cannot view data");
    }
  }

  /** A viewer who is shown the personal data of every epoch it held. */
  public Viewer(Optional<PartyId> party) {
    this(party, Set.of(), Set.of());
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
    return new Viewer(Optional.of(party), withheld, Set.of());
  }

  /** This viewer, also not shown the personal data about these parties, in any epoch. */
  public Viewer withoutSubjects(Set<PartyId> subjects) {
    Set<PartyId> all = new java.util.HashSet<>(withheldSubjects);
    all.addAll(subjects);
    return new Viewer(party, withheldEpochs, all);
  }

  /** Whether the viewer is shown personal data about this party at all (its own always). */
  public boolean mayBeShown(PartyId subject) {
    return party.map(subject::equals).orElse(false) || !withheldSubjects.contains(subject);
  }

  /** Whether the viewer is shown the personal data of this epoch: it held the epoch, which is not withheld. */
  public boolean sees(CustodyEpoch epoch) {
    return party.map(epoch::heldBy).orElse(false) && !withheldEpochs.contains(epoch.number());
  }
}
