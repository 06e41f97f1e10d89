package io.spime.twin;

import static io.spime.twin.Fixtures.DEALER;
import static io.spime.twin.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.custody.PartyId;
import io.spime.twin.customer.TouchpointKind;
import io.spime.twin.event.TouchpointRecorded;
import io.spime.twin.exceptions.InvalidCursorException;
import io.spime.twin.experience.AgreementKind;
import io.spime.twin.experience.AgreementRef;
import io.spime.twin.experience.Channel;
import io.spime.twin.experience.JourneyPhase;
import io.spime.twin.experience.TimelinePage;
import io.spime.twin.experience.TimelineQuery;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.experience.TouchpointOutcome;
import io.spime.twin.fleet.PageRequest;
import io.spime.wire.AssetId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A customer's journey over two cars: touchpoints recorded, paged, narrowed, replaced and erased. */
class TouchpointTimelineTest extends StoreContract {
  static final PartyId ALICE = PartyId.of("cust-alice");
  static final PartyId BOB = PartyId.of("cust-bob");
  private final AssetId first = TestVins.numbered(710);
  private final AssetId second = TestVins.numbered(711);
  private TwinStore store;

  @BeforeEach
  void journey() {
    store = stores.open(TwinStoreOptions.defaults().withClock(Clock.fixed(T0.plus(Duration.ofDays(3000)), ZoneOffset.UTC)));
    store.recordTouchpoint(Touchpoint.of("tp-ad", ALICE, JourneyPhase.AWARENESS, Channel.WEB, day(1)));
    store.recordTouchpoint(Touchpoint.of("tp-drive", ALICE, JourneyPhase.CONSIDERATION, Channel.DEALER, day(5)));
    store.append(first, 0, Fixtures.deliveredCar(first));
    store.recordTouchpoint(Touchpoint.of("tp-handover", ALICE, JourneyPhase.DELIVERY, Channel.DEALER, day(20))
        .about(first).withOutcome(TouchpointOutcome.answeredAndResolved().rated(5)));
    store.recordTouchpoint(Touchpoint.of("tp-service", ALICE, JourneyPhase.SERVICE, Channel.WORKSHOP, day(200))
        .about(new AgreementRef(first, AgreementKind.LEASE, "LESSEE")));
    store.append(second, 0, Fixtures.deliveredCar(second));
    store.appendAtHead(second, Fixtures.timeline(day(400), DEALER,
        new TouchpointRecorded(TouchpointKind.SUPPORT, Optional.of(ALICE), "unanswered", Optional.of("the app logs me out")),
        new TouchpointRecorded(TouchpointKind.APP, Optional.empty(), "opened", Optional.empty())));
    store.recordTouchpoint(Touchpoint.of("tp-bob", BOB, JourneyPhase.PURCHASE, Channel.DEALER, day(300)));
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private static Instant day(int n) {
    return T0.plus(Duration.ofDays(n));
  }

  private List<Touchpoint> all(TimelineQuery query, int size) {
    List<Touchpoint> out = new ArrayList<>();
    TimelinePage page = store.timeline(query, PageRequest.first(size));
    out.addAll(page.touchpoints());
    while (page.next().isPresent()) {
      page = store.timeline(query, PageRequest.after(page.next().get(), size));
      assertTrue(page.touchpoints().size() <= size);
      out.addAll(page.touchpoints());
    }
    return out;
  }

  @Test
  void the_timeline_spans_both_cars_and_the_time_before_any_newest_first_in_pages() {
    List<Touchpoint> timeline = all(TimelineQuery.of(ALICE), 2);
    assertEquals(5, timeline.size(), "four recorded, one from a touchpoint event naming alice; none of bob's");
    assertEquals(List.of(JourneyPhase.SERVICE, JourneyPhase.SERVICE, JourneyPhase.DELIVERY, JourneyPhase.CONSIDERATION,
        JourneyPhase.AWARENESS), timeline.stream().map(Touchpoint::phase).toList());
    Touchpoint legacy = timeline.get(0);
    assertEquals(Optional.of(second), legacy.vehicle());
    assertEquals(Channel.PHONE, legacy.channel(), "a support call");
    assertEquals(TouchpointOutcome.unanswered(), legacy.outcome(), "its free-text outcome read");
    assertTrue(legacy.id().startsWith("ev:"));
    Touchpoint service = timeline.get(1);
    assertEquals(Optional.of(first), service.vehicle(), "an agreement's touchpoint is about the agreement's car");
    assertEquals(OptionalInt.of(5), timeline.get(2).outcome().satisfaction());
  }

  @Test
  void the_timeline_narrows_to_a_phase_a_car_and_a_time_range() {
    assertEquals(List.of("tp-service"), all(TimelineQuery.of(ALICE).inPhase(JourneyPhase.SERVICE).about(first), 10)
        .stream().map(Touchpoint::id).toList());
    assertEquals(List.of("tp-drive", "tp-ad"), all(TimelineQuery.of(ALICE).between(day(0), day(20)), 1)
        .stream().map(Touchpoint::id).toList());
    assertEquals(List.of("tp-bob"), all(TimelineQuery.of(BOB), 10).stream().map(Touchpoint::id).toList());
  }

  @Test
  void a_cursor_belongs_to_its_query() {
    String cursor = store.timeline(TimelineQuery.of(ALICE), PageRequest.first(1)).next().orElseThrow();
    assertThrows(InvalidCursorException.class, () -> store.timeline(TimelineQuery.of(BOB), PageRequest.after(cursor, 1)));
    assertThrows(InvalidCursorException.class,
        () -> store.timeline(TimelineQuery.of(ALICE), PageRequest.after("not a cursor!", 1)));
  }

  @Test
  void recording_again_under_the_same_id_closes_a_service_visit_but_another_customer_cannot_take_the_id() {
    Touchpoint visit = store.timeline(TimelineQuery.of(ALICE).inPhase(JourneyPhase.SERVICE).about(first),
        PageRequest.first(1)).touchpoints().get(0);
    store.recordTouchpoint(visit.endingAt(day(203)).withOutcome(TouchpointOutcome.answeredNotResolved().rated(2)));
    Touchpoint closed = store.timeline(TimelineQuery.of(ALICE).about(first).inPhase(JourneyPhase.SERVICE),
        PageRequest.first(5)).touchpoints().get(0);
    assertEquals(Optional.of(day(203)), closed.end());
    assertEquals(TouchpointOutcome.answeredNotResolved().rated(2), closed.outcome());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> store.recordTouchpoint(Touchpoint.of("tp-service", BOB, JourneyPhase.SERVICE, Channel.APP, day(9))));
    assertTrue(e.getMessage().contains("another customer"), e.getMessage());
  }

  @Test
  void erasing_the_customer_erases_their_touchpoints() {
    store.eraseSubject(ALICE);
    assertEquals(List.of(), all(TimelineQuery.of(ALICE), 10));
    assertEquals(1, all(TimelineQuery.of(BOB), 10).size(), "bob's stay");
  }

  @Test
  void a_touchpoint_refuses_an_end_before_its_start_and_an_agreement_on_another_car() {
    Touchpoint t = Touchpoint.of("tp-x", ALICE, JourneyPhase.SERVICE, Channel.WORKSHOP, day(9));
    assertThrows(IllegalArgumentException.class, () -> t.endingAt(day(8)));
    assertThrows(IllegalArgumentException.class,
        () -> new Touchpoint("tp-x", ALICE, JourneyPhase.SERVICE, Channel.WORKSHOP, day(9), Optional.empty(),
            Optional.of(first), Optional.of(new AgreementRef(second, AgreementKind.LEASE, "LESSEE")),
            TouchpointOutcome.unanswered()));
    assertThrows(IllegalArgumentException.class, () -> TouchpointOutcome.unanswered().rated(6));
  }
}
