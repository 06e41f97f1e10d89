package io.spime.cloud.service.internal.api;

import io.spime.cloud.service.Role;
import io.spime.cloud.service.internal.auth.Caller;
import io.spime.twin.Twin;
import io.spime.twin.custody.CustodyEpoch;
import io.spime.twin.custody.PartyId;
import io.spime.twin.event.CommandIssued;
import io.spime.twin.event.DesiredStateChanged;
import io.spime.twin.event.ReportedStateChanged;
import io.spime.twin.event.TwinEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * The store's privacy rule (docs/lifecycle.md, the spime record's export) applied to what the API
 * hands out beyond the export: personal data belongs to the custody epoch it was recorded in; a party
 * sees it if it held a role in that epoch or is its subject; staff see none. A partner sees it only
 * where its {@link PartnerLens} finds the customers sharing with it.
 */
final class PersonalData {
  private PersonalData() {}

  /** Whether the event carries personal data: a subject, command parameters, or a state document. */
  static boolean isPersonal(TwinEvent event) {
    return event.subject().isPresent()
        || (event instanceof CommandIssued && !((CommandIssued) event).parameters().isEmpty())
        || event instanceof DesiredStateChanged
        || event instanceof ReportedStateChanged;
  }

  /** The custody epoch the instant falls in, if anyone held custody then. */
  static Optional<CustodyEpoch> epochAt(Twin twin, Instant at) {
    return twin.custody().stream().filter(e -> e.covers(at)).reduce((a, b) -> b);
  }

  /** Whether the caller may see personal data recorded at the instant, about the subject if any. */
  static boolean entitled(Caller caller, Twin twin, Instant at, Optional<PartyId> subject, PartnerLens lens) {
    if (caller.role().isOem()) {
      return false;
    }
    if (subject.isPresent() && subject.get().equals(caller.party())) {
      return true;
    }
    return epochAt(twin, at).map(e -> e.heldBy(caller.party()) && lens.sharedEpoch(e)).orElse(false)
        && subject.map(lens::shares).orElse(true);
  }

  /** Why the caller may see it, for the audit trail. */
  static String basis(Caller caller, Twin twin, Instant at, Optional<PartyId> subject) {
    if (subject.isPresent() && subject.get().equals(caller.party())) {
      return "own data";
    }
    String sharing = caller.role() == Role.PARTNER ? ", opt-in to sharing with " + caller.party() : "";
    return epochAt(twin, at).map(e -> "custody epoch " + e.number() + " held by the reader" + sharing).orElse("none");
  }
}
