package io.spime.twin;

import static io.spime.twin.RenewalFleet.A;
import static io.spime.twin.RenewalFleet.B;
import static io.spime.twin.RenewalFleet.C;
import static io.spime.twin.RenewalFleet.D;
import static io.spime.twin.RenewalFleet.E;
import static io.spime.twin.RenewalFleet.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.twin.exceptions.InvalidCursorException;
import io.spime.twin.experience.AgreementKind;
import io.spime.twin.experience.RenewalCandidate;
import io.spime.twin.experience.RenewalPage;
import io.spime.twin.experience.RenewalQuery;
import io.spime.twin.experience.RiskReason;
import io.spime.twin.experience.Signal;
import io.spime.twin.fleet.PageRequest;
import io.spime.wire.AssetId;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Known bad experiences seeded into known cars rank on top of the renewals due, with their reasons. */
class RenewalRankingTest extends StoreContract {
  private TwinStore store;

  private static final TwinStoreOptions OPTIONS = TwinStoreOptions.defaults()
      .withClock(Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));

  @BeforeEach
  void fleet() {
    store = stores.open(OPTIONS);
    RenewalFleet.seed(store);
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private List<RenewalCandidate> all(RenewalQuery query, int size) {
    List<RenewalCandidate> out = new ArrayList<>();
    RenewalPage page = store.renewals(query, PageRequest.first(size));
    out.addAll(page.candidates());
    while (page.next().isPresent()) {
      page = store.renewals(query, PageRequest.after(page.next().get(), size));
      out.addAll(page.candidates());
    }
    return out;
  }

  private static List<AssetId> cars(List<RenewalCandidate> candidates) {
    return candidates.stream().map(c -> c.agreement().vin()).toList();
  }

  @Test
  void the_worst_experiences_rank_first_and_a_page_at_a_time_gives_the_same_order() {
    RenewalQuery window = new RenewalQuery(TODAY, 60);
    List<RenewalCandidate> ranked = all(window, 2);
    assertEquals(List.of(B, C, A, E, D), cars(ranked),
        "B, C and A by their points; E and D have none and follow by due day; F is due after the window");
    assertEquals(ranked, store.renewals(window, PageRequest.first(10)).candidates());
    assertEquals(List.of(100L, 24L, 18L, 0L, 0L), ranked.stream().map(c -> c.risk().points()).toList());
  }

  @Test
  void each_score_lists_its_reasons_with_their_weights() {
    List<RenewalCandidate> ranked = store.renewals(new RenewalQuery(TODAY, 60), PageRequest.first(10)).candidates();
    RenewalCandidate b = ranked.get(0);
    assertEquals(RenewalFleet.customer(B), b.customer());
    assertEquals(List.of(
        new RiskReason(Signal.LOW_SATISFACTION, 20, 2, 40),
        new RiskReason(Signal.DAYS_IN_WORKSHOP, 10, 3, 30),
        new RiskReason(Signal.UNANSWERED_TOUCHPOINT, 2, 15, 30)), b.risk().reasons(),
        "ten days in the workshop, an unanswered e-mail and an unanswered support call, one star of five");
    assertEquals(List.of(
        new RiskReason(Signal.DAYS_OFF_ROAD, 7, 2, 14),
        new RiskReason(Signal.UNRESOLVED_TOUCHPOINT, 1, 10, 10)), ranked.get(1).risk().reasons());
    assertEquals(List.of(
        new RiskReason(Signal.REPEATED_DTC, 1, 10, 10, List.of("P0A80 raised 3 times")),
        new RiskReason(Signal.LONG_OPEN_DTC, 1, 8, 8, List.of("P0A80 open 62 days"))), ranked.get(2).risk().reasons(),
        "the reasons name the codes");
    assertEquals(List.of(), ranked.get(3).risk().reasons());
    assertEquals(0L, ranked.get(3).signals().get(Signal.LOW_SATISFACTION), "a five-star rating is no risk");
    assertEquals(7, ranked.get(3).signals().size(), "every signal is reported, zero or not");
  }

  @Test
  void a_subscription_is_due_on_its_renewal_date_and_a_lease_on_its_end() {
    List<RenewalCandidate> ranked = store.renewals(new RenewalQuery(TODAY, 60), PageRequest.first(10)).candidates();
    RenewalCandidate e = ranked.get(3);
    assertEquals(AgreementKind.SUBSCRIPTION, e.agreement().kind());
    assertEquals("sub-e", e.agreement().reference());
    assertEquals(LocalDate.of(2025, 2, 20), e.due());
    assertEquals(LocalDate.of(2025, 3, 1), ranked.get(4).due());
    assertEquals("LESSEE", ranked.get(4).agreement().reference());
  }

  @Test
  void the_window_decides_who_is_due() {
    assertEquals(List.of(E), cars(all(new RenewalQuery(TODAY, 20), 5)), "only E's renewal falls by 21 February");
    assertEquals(List.of(), all(new RenewalQuery(TODAY.plusYears(5), 60), 5));
    List<AssetId> wide = cars(all(new RenewalQuery(TODAY, 200), 3));
    assertEquals(6, wide.size());
    assertTrue(wide.indexOf(RenewalFleet.F) < wide.indexOf(A), "F's flood and unanswered call outweigh A's code");
  }

  @Test
  void a_cursor_belongs_to_its_window() {
    String cursor = store.renewals(new RenewalQuery(TODAY, 60), PageRequest.first(1)).next().orElseThrow();
    assertThrows(InvalidCursorException.class,
        () -> store.renewals(new RenewalQuery(TODAY, 61), PageRequest.after(cursor, 1)));
    assertThrows(IllegalArgumentException.class, () -> new RenewalQuery(TODAY, -1));
  }

  @Test
  void a_store_from_before_the_renewal_index_indexes_its_agreements_and_touchpoint_events_when_it_opens()
      throws Exception {
    RenewalQuery window = new RenewalQuery(TODAY, 60);
    List<RenewalCandidate> ranked = all(window, 10);
    store.close();
    try (Connection c = stores.connect(); Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM agreement_renewals");
      assertEquals(1, st.executeUpdate("DELETE FROM touchpoints WHERE id LIKE 'ev:%'"), "B's support call");
      st.executeUpdate("INSERT INTO store_tasks (task) VALUES ('index-agreements-and-touchpoints')");
    }
    store = stores.open(OPTIONS);
    assertEquals(ranked, all(window, 10), "the same ranking, B's support call counted again");
    store.close();
    store = stores.open(OPTIONS);
    assertEquals(ranked, all(window, 10), "the task ran once");
  }

  @Test
  void an_erased_customer_leaves_the_renewals_and_takes_their_touchpoints() {
    store.eraseSubject(RenewalFleet.customer(B));
    assertEquals(List.of(C, A, E, D), cars(all(new RenewalQuery(TODAY, 60), 10)));
  }
}
