package io.spime.twin.internal.export;

import io.spime.twin.Twin;
import io.spime.twin.custody.CustodyEpoch;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Viewer;
import java.time.Instant;
import java.util.Optional;

/**
 * The privacy rule: personal data belongs to the custody epoch it was recorded in; a viewer gets it
 * if it held custody in that epoch (and the epoch is not withheld from it) or is the data's subject.
 * Technical viewers get none.
 */
final class Entitlement {
  private final Viewer viewer;
  private final Twin twin;

  Entitlement(Viewer viewer, Twin twin) {
    this.viewer = viewer;
    this.twin = twin;
  }

  /** The epoch the instant falls in, if the car was in anyone's custody then. */
  Optional<CustodyEpoch> epochAt(Instant at) {
    return twin.custody().stream().filter(e -> e.covers(at)).reduce((a, b) -> b);
  }

  boolean heldEpoch(CustodyEpoch epoch) {
    return viewer.sees(epoch);
  }

  /** Whether personal data recorded at the instant, about the subject if any, may be shown. */
  boolean entitled(Instant at, Optional<PartyId> subject) {
    if (viewer.party().isEmpty()) {
      return false;
    }
    if (subject.isPresent() && subject.equals(viewer.party())) {
      return true;
    }
    if (subject.isPresent() && !viewer.mayBeShown(subject.get())) {
      return false;
    }
    return epochAt(at).map(this::heldEpoch).orElse(false);
  }

  /** Whether the viewer may see this party's id in data recorded at the instant. */
  boolean mayName(PartyId party, Instant at) {
    return viewer.party().isPresent() && (viewer.party().get().equals(party) || entitled(at, Optional.of(party)));
  }
}
