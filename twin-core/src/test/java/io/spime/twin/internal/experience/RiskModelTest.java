package io.spime.twin.internal.experience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.testkit.TestVins;
import io.spime.twin.Twin;
import io.spime.twin.custody.PartyId;
import io.spime.twin.customer.TouchpointKind;
import io.spime.twin.experience.Channel;
import io.spime.twin.experience.JourneyPhase;
import io.spime.twin.experience.RiskReason;
import io.spime.twin.experience.Signal;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.experience.TouchpointOutcome;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskModelTest {
  private static final AssetId VIN = TestVins.numbered(901);
  private static final PartyId CUSTOMER = PartyId.of("cust-901");
  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final LocalDate TODAY = LocalDate.of(2024, 12, 31);

  @Test
  void a_car_still_in_the_workshop_counts_its_days_to_today_and_the_points_stop_at_the_cap() {
    Touchpoint stay = Touchpoint.of("stay", CUSTOMER, JourneyPhase.SERVICE, Channel.WORKSHOP,
        Instant.parse("2024-11-01T09:00:00Z")).about(VIN);
    RiskModel.Assessment a = RiskModel.assess(Twin.unknown(VIN), START, TODAY, List.of(stay));
    assertEquals(61L, a.signals().get(Signal.DAYS_IN_WORKSHOP), "1 November 09:00 to the end of 31 December");
    assertEquals(List.of(new RiskReason(Signal.DAYS_IN_WORKSHOP, 61, 3, 90)), a.risk().reasons());
  }

  @Test
  void another_cars_workshop_stay_is_not_this_cars_but_its_unanswered_call_is_the_customers() {
    Touchpoint elsewhere = Touchpoint.of("other", CUSTOMER, JourneyPhase.SERVICE, Channel.WORKSHOP,
        Instant.parse("2024-03-01T09:00:00Z")).endingAt(Instant.parse("2024-03-05T09:00:00Z"))
        .about(TestVins.numbered(902)).withOutcome(TouchpointOutcome.unanswered());
    RiskModel.Assessment a = RiskModel.assess(Twin.unknown(VIN), START, TODAY, List.of(elsewhere));
    assertEquals(0L, a.signals().get(Signal.DAYS_IN_WORKSHOP));
    assertEquals(List.of(new RiskReason(Signal.UNANSWERED_TOUCHPOINT, 1, 15, 15)), a.risk().reasons());
  }

  @Test
  void satisfaction_counts_only_below_three_stars_on_average() {
    Touchpoint two = Touchpoint.of("two", CUSTOMER, JourneyPhase.OWNERSHIP, Channel.APP,
        Instant.parse("2024-03-01T09:00:00Z")).withOutcome(TouchpointOutcome.answeredAndResolved().rated(2));
    Touchpoint three = Touchpoint.of("three", CUSTOMER, JourneyPhase.OWNERSHIP, Channel.APP,
        Instant.parse("2024-04-01T09:00:00Z")).withOutcome(TouchpointOutcome.answeredAndResolved().rated(3));
    assertEquals(List.of(new RiskReason(Signal.LOW_SATISFACTION, 5, 2, 10)),
        RiskModel.assess(Twin.unknown(VIN), START, TODAY, List.of(two, three)).risk().reasons(), "2.5 stars");
    assertEquals(List.of(), RiskModel.assess(Twin.unknown(VIN), START, TODAY, List.of(three)).risk().reasons());
  }

  @Test
  void a_touchpoint_events_free_text_outcome_maps_to_answered_and_resolved() {
    assertEquals(TouchpointOutcome.unanswered(), LegacyTouchpoints.outcome("No answer after 3 calls"));
    assertEquals(TouchpointOutcome.answeredNotResolved(), LegacyTouchpoints.outcome("escalated"));
    assertEquals(TouchpointOutcome.answeredAndResolved(), LegacyTouchpoints.outcome("booked"));
    assertEquals(JourneyPhase.SERVICE, LegacyTouchpoints.phase(TouchpointKind.SERVICE_BOOKING));
    assertEquals(JourneyPhase.OWNERSHIP, LegacyTouchpoints.phase(TouchpointKind.DEALER_VISIT));
  }
}
