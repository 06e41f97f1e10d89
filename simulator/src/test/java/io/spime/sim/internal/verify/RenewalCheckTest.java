package io.spime.sim.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.sim.internal.car.VinFactory;
import io.spime.twin.custody.PartyId;
import io.spime.twin.experience.AgreementKind;
import io.spime.twin.experience.AgreementRef;
import io.spime.twin.experience.RenewalCandidate;
import io.spime.twin.experience.RiskReason;
import io.spime.twin.experience.RiskScore;
import io.spime.twin.experience.Signal;
import io.spime.wire.AssetId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The renewal scenario's check: the seeded customers exactly on top, or a failure that says who ranked where. */
class RenewalCheckTest {
  private static final LocalDate DUE = LocalDate.of(2027, 1, 15);

  /** Customer {@code c<index>} on car {@code index}, with these reasons. */
  static RenewalCandidate candidate(int index, RiskReason... reasons) {
    AssetId vin = VinFactory.vin(5, index);
    return new RenewalCandidate(new AgreementRef(vin, AgreementKind.LEASE, "LESSEE"), customer(index),
        DUE.minusYears(3), DUE.plusDays(index), Map.of(), RiskScore.of(List.of(reasons)));
  }

  static PartyId customer(int index) {
    return PartyId.of("c" + index);
  }

  private static final RiskReason WORKSHOP = new RiskReason(Signal.DAYS_IN_WORKSHOP, 40, 3, 90);
  private static final RiskReason UNANSWERED = new RiskReason(Signal.UNANSWERED_TOUCHPOINT, 2, 15, 30);
  private static final RiskReason SERVICE = new RiskReason(Signal.DAYS_IN_WORKSHOP, 3, 3, 9);
  private static final RiskReason UNRESOLVED = new RiskReason(Signal.UNRESOLVED_TOUCHPOINT, 1, 10, 10);

  @Test
  void the_seeded_customers_on_top_and_strictly_riskier_pass() {
    List<RenewalCandidate> ranking = List.of(candidate(3, WORKSHOP, UNANSWERED), candidate(1, WORKSHOP),
        candidate(0, SERVICE, UNRESOLVED), candidate(2, SERVICE));

    RenewalCheck check = RenewalCheck.of(ranking, Set.of(customer(1), customer(3)), 4);

    assertTrue(check.passed(), check.failures().toString());
    assertEquals(4, check.ranked());
    assertEquals(ranking, check.top());
  }

  @Test
  void a_seeded_customer_below_the_top_fails_naming_its_rank_points_and_reasons_and_who_took_its_place() {
    List<RenewalCandidate> ranking = List.of(candidate(3, WORKSHOP, UNANSWERED), candidate(0, SERVICE, UNRESOLVED),
        candidate(1, SERVICE), candidate(2));

    RenewalCheck check = RenewalCheck.of(ranking, Set.of(customer(1), customer(3)), 4);

    assertFalse(check.passed());
    AssetId car1 = VinFactory.vin(5, 1);
    AssetId car0 = VinFactory.vin(5, 0);
    assertEquals(List.of(
        "seeded customer c1 (car " + car1 + ", #3, 9 points: days in workshop 3 x 3 = 9) ranked below the top 2,"
            + " where #2 is unseeded c0 (car " + car0 + ", #2, 19 points: days in workshop 3 x 3 = 9,"
            + " unresolved touchpoint 1 x 10 = 10)",
        "unseeded customer c0 (car " + car0 + ", #2, 19 points: days in workshop 3 x 3 = 9,"
            + " unresolved touchpoint 1 x 10 = 10) ranked among the top 2"), check.failures());
  }

  @Test
  void a_tie_between_the_last_seeded_and_the_first_other_customer_fails_as_the_order_is_left_to_the_due_day() {
    List<RenewalCandidate> ranking = List.of(candidate(0, UNRESOLVED), candidate(1, UNRESOLVED));

    RenewalCheck check = RenewalCheck.of(ranking, Set.of(customer(0)), 2);

    assertEquals(1, check.failures().size(), check.failures().toString());
    assertTrue(check.failures().get(0).startsWith("seeded customer c0 (car "), check.failures().get(0));
    assertTrue(check.failures().get(0).endsWith("10 points: unresolved touchpoint 1 x 10 = 10):"
        + " their order is left to the due day"), check.failures().get(0));
  }

  @Test
  void a_seeded_customer_missing_from_the_ranking_and_a_lease_not_due_fail() {
    RenewalCheck check = RenewalCheck.of(List.of(candidate(0, WORKSHOP), candidate(1)), Set.of(customer(0),
        customer(7)), 3);

    assertTrue(check.failures().contains("2 of the fleet's 3 leases are due in the ranking's window"),
        check.failures().toString());
    assertTrue(check.failures().contains("seeded customer c7 is not in the ranking"), check.failures().toString());
    assertTrue(check.failures().stream().anyMatch(f -> f.startsWith("unseeded customer c1 (car ")),
        check.failures().toString());
  }

  @Test
  void a_capped_reason_says_so_and_the_report_keeps_the_first_twenty() {
    List<RenewalCandidate> ranking = new ArrayList<>();
    ranking.add(candidate(0, WORKSHOP));
    for (int i = 1; i < 30; i++) {
      ranking.add(candidate(i));
    }

    RenewalCheck check = RenewalCheck.of(ranking, Set.of(customer(0)), 30);

    assertTrue(check.passed(), check.failures().toString());
    assertEquals(RenewalCheck.SHOWN, check.top().size());
    assertEquals(30, check.ranked());
    assertEquals("days in workshop 40 x 3 = 90 (capped)", RenewalCheck.reasons(ranking.get(0)));
  }
}
