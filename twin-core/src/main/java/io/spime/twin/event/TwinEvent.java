package io.spime.twin.event;

import io.spime.twin.custody.PartyId;
import java.util.Optional;

/**
 * One change of a car's twin. Events are immutable; the twin is the fold of its events in revision
 * order. Each type says which rules it must satisfy; {@code docs/lifecycle.md} lists them.
 */
public sealed interface TwinEvent
    permits VehicleProduced,
        PhaseChanged,
        Deregistered,
        Dismantled,
        Recycled,
        CustodyStarted,
        CustodyEnded,
        SubscriptionStarted,
        SubscriptionRenewed,
        SubscriptionEnded,
        ReportedStateChanged,
        DesiredStateChanged,
        DtcRaised,
        DtcCleared,
        ServiceVisited,
        SoftwareUpdated,
        TouchpointRecorded,
        BatteryMeasured,
        ConsentGranted,
        ConsentRevoked,
        CommandIssued,
        CommandCompleted {

  /** The party whose personal data this event carries, if any. */
  default Optional<PartyId> subject() {
    return Optional.empty();
  }

  /** This event with its subject's personal data removed (for erasure); technical data stays. */
  default TwinEvent erased() {
    return this;
  }
}
