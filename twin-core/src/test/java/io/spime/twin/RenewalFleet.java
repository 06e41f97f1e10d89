package io.spime.twin;

import static io.spime.twin.Fixtures.DEALER;

import io.spime.testkit.TestVins;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Term;
import io.spime.twin.customer.TouchpointKind;
import io.spime.twin.diagnostics.DtcSeverity;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.DtcCleared;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.event.PhaseChanged;
import io.spime.twin.event.SubscriptionStarted;
import io.spime.twin.event.TouchpointRecorded;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.experience.AgreementKind;
import io.spime.twin.experience.AgreementRef;
import io.spime.twin.experience.Channel;
import io.spime.twin.experience.JourneyPhase;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.experience.TouchpointOutcome;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Six leased or subscribed cars with known experiences, measured on {@link #TODAY}: B had a long
 * workshop stay, unanswered complaints and a one-star rating; C was off the road a week and has an
 * unresolved matter; A has a trouble code that keeps coming back; D and E had nothing to complain
 * about; F had a bad time too but its lease ends outside a 60-day window.
 */
final class RenewalFleet {
  static final LocalDate TODAY = LocalDate.of(2025, 2, 1);
  static final LocalDate LEASE_START = LocalDate.of(2024, 3, 2);
  static final AssetId A = TestVins.numbered(801);
  static final AssetId B = TestVins.numbered(802);
  static final AssetId C = TestVins.numbered(803);
  static final AssetId D = TestVins.numbered(804);
  static final AssetId E = TestVins.numbered(805);
  static final AssetId F = TestVins.numbered(806);

  private RenewalFleet() {}

  static PartyId customer(AssetId vin) {
    return PartyId.of("cust-" + vin.value().substring(14));
  }

  static Instant on(int year, int month, int day) {
    return LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(8 * 3600);
  }

  static void seed(TwinStore store) {
    Term lease = Term.of(LEASE_START, LocalDate.of(2025, 3, 1));
    for (AssetId vin : List.of(A, B, C, D)) {
      lessee(store, vin, lease);
    }
    lessee(store, F, Term.of(LEASE_START, LocalDate.of(2025, 6, 1)));
    store.append(E, 0, Fixtures.deliveredCar(E));
    at(store, E, on(2024, 3, 15), new SubscriptionStarted("sub-e", "car-subscription", customer(E),
        Term.of(LocalDate.of(2024, 3, 15), LocalDate.of(2025, 3, 14)).withRenewal(LocalDate.of(2025, 2, 20))));
    store.recordTouchpoint(Touchpoint.of("e-happy", customer(E), JourneyPhase.OWNERSHIP, Channel.APP, on(2024, 6, 1))
        .about(E).withOutcome(TouchpointOutcome.answeredAndResolved().rated(5)));

    at(store, A, on(2024, 5, 1), new DtcRaised("P0A80", DtcSeverity.WARNING, "replace hybrid battery pack"));
    at(store, A, on(2024, 5, 2), new DtcCleared("P0A80"));
    at(store, A, on(2024, 6, 1), new DtcRaised("P0A80", DtcSeverity.WARNING, "replace hybrid battery pack"));
    at(store, A, on(2024, 6, 2), new DtcCleared("P0A80"));
    at(store, A, on(2024, 12, 1), new DtcRaised("P0A80", DtcSeverity.WARNING, "replace hybrid battery pack"));

    AgreementRef leaseOfB = new AgreementRef(B, AgreementKind.LEASE, "LESSEE");
    store.recordTouchpoint(Touchpoint.of("b-visit", customer(B), JourneyPhase.SERVICE, Channel.WORKSHOP,
        on(2024, 9, 1)).endingAt(on(2024, 9, 11)).about(leaseOfB).withOutcome(TouchpointOutcome.answeredAndResolved()
        .rated(1)));
    store.recordTouchpoint(Touchpoint.of("b-complaint", customer(B), JourneyPhase.SERVICE, Channel.EMAIL,
        on(2024, 9, 5)).about(leaseOfB).withOutcome(TouchpointOutcome.unanswered()));
    at(store, B, on(2024, 9, 20), new TouchpointRecorded(TouchpointKind.SUPPORT, Optional.of(customer(B)),
        "unanswered", Optional.empty()));

    at(store, C, on(2024, 10, 1), new PhaseChanged(LifecyclePhase.OFF_ROAD, "accident"));
    at(store, C, on(2024, 10, 8), new PhaseChanged(LifecyclePhase.IN_SERVICE, "repaired"));
    store.recordTouchpoint(Touchpoint.of("c-claim", customer(C), JourneyPhase.OWNERSHIP, Channel.PHONE,
        on(2024, 10, 2)).about(C).withOutcome(TouchpointOutcome.answeredNotResolved()));

    at(store, F, on(2024, 9, 1), new PhaseChanged(LifecyclePhase.OFF_ROAD, "flood"));
    store.recordTouchpoint(Touchpoint.of("f-complaint", customer(F), JourneyPhase.OWNERSHIP, Channel.PHONE,
        on(2024, 9, 2)).about(F).withOutcome(TouchpointOutcome.unanswered()));
  }

  private static void lessee(TwinStore store, AssetId vin, Term term) {
    store.append(vin, 0, Fixtures.deliveredCar(vin));
    at(store, vin, term.start().atStartOfDay(ZoneOffset.UTC).toInstant(), CustodyStarted.lessee(customer(vin), term));
  }

  private static void at(TwinStore store, AssetId vin, Instant instant, TwinEvent event) {
    store.appendAtHead(vin, List.of(PendingEvent.of(instant, DEALER, event)));
  }
}
