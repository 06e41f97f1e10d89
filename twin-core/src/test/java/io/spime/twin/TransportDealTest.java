package io.spime.twin;

import static io.spime.twin.Fixtures.DEALER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.testkit.TestVins;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Term;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.PhaseChanged;
import io.spime.twin.event.SubscriptionStarted;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.experience.AgreementKind;
import io.spime.twin.experience.Channel;
import io.spime.twin.experience.JourneyPhase;
import io.spime.twin.experience.RenewalCandidate;
import io.spime.twin.experience.RenewalQuery;
import io.spime.twin.experience.TimelineQuery;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.experience.TouchpointOutcome;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.identity.Powertrain;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.AssetId;
import io.spime.wire.AssetKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One customer's transport deal: a leased car, a subscribed boat and a subscribed e-bike. */
class TransportDealTest extends StoreContract {
  static final PartyId CUSTOMER = PartyId.of("cust-deal");
  static final AssetId CAR = TestVins.numbered(320);
  static final AssetId BOAT = AssetId.parse("HIN-DE-SEA00042F526");
  static final AssetId E_BIKE = AssetId.parse("FRM-EB0000777");
  static final LocalDate TODAY = LocalDate.of(2025, 2, 1);

  @Test
  void a_customers_deal_spans_a_car_lease_a_boat_and_an_e_bike_subscription() {
    try (TwinStore store = stores.open()) {
      store.append(CAR, 0, Fixtures.deliveredCar(CAR));
      deliver(store, BOAT, AssetKind.BOAT, Powertrain.ICE);
      deliver(store, E_BIKE, AssetKind.E_BIKE, Powertrain.BEV);
      at(store, CAR, on(2024, 3, 2), CustodyStarted.lessee(CUSTOMER,
          Term.of(LocalDate.of(2024, 3, 2), LocalDate.of(2025, 3, 1))));
      at(store, BOAT, on(2024, 5, 1), new SubscriptionStarted("sub-boat", "summer-boat", CUSTOMER,
          Term.of(LocalDate.of(2024, 5, 1), LocalDate.of(2025, 4, 30))));
      at(store, E_BIKE, on(2024, 4, 1), new SubscriptionStarted("sub-bike", "e-bike-commute", CUSTOMER,
          Term.of(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31))));
      store.recordTouchpoint(Touchpoint.of("boat-handover", CUSTOMER, JourneyPhase.DELIVERY, Channel.DEALER,
          on(2024, 5, 1)).about(BOAT).withOutcome(TouchpointOutcome.answeredAndResolved().rated(5)));
      store.recordTouchpoint(Touchpoint.of("bike-flat", CUSTOMER, JourneyPhase.SERVICE, Channel.APP,
          on(2024, 8, 3)).about(E_BIKE).withOutcome(TouchpointOutcome.unanswered()));

      List<RenewalCandidate> agreements = store.renewals(new RenewalQuery(TODAY, 120),
          PageRequest.first(10)).candidates();
      Map<AssetId, AgreementKind> deal = agreements.stream()
          .filter(c -> c.customer().equals(CUSTOMER))
          .collect(Collectors.toMap(c -> c.agreement().vin(), c -> c.agreement().kind()));
      assertEquals(Map.of(CAR, AgreementKind.LEASE, BOAT, AgreementKind.SUBSCRIPTION,
          E_BIKE, AgreementKind.SUBSCRIPTION), deal);

      Set<AssetId> touched = store.timeline(TimelineQuery.of(CUSTOMER), PageRequest.first(10)).touchpoints()
          .stream().flatMap(t -> t.vehicle().stream()).collect(Collectors.toSet());
      assertEquals(Set.of(BOAT, E_BIKE), touched);
      assertEquals(AssetKind.E_BIKE, store.twin(E_BIKE).orElseThrow().identity().orElseThrow().kind());
    }
  }

  private static void deliver(TwinStore store, AssetId id, AssetKind kind, Powertrain powertrain) {
    store.append(id, 0, Fixtures.timeline(Fixtures.FACTORY, AssetKindsTest.produced(id, kind, powertrain),
        new PhaseChanged(LifecyclePhase.IN_TRANSIT, "shipped"), new PhaseChanged(LifecyclePhase.IN_STOCK, "arrived"),
        new PhaseChanged(LifecyclePhase.IN_SERVICE, "handed over")));
  }

  private static Instant on(int year, int month, int day) {
    return LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(8 * 3600);
  }

  private static void at(TwinStore store, AssetId id, Instant instant, TwinEvent event) {
    store.appendAtHead(id, List.of(PendingEvent.of(instant, DEALER, event)));
  }
}
