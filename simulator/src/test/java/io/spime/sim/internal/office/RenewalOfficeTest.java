package io.spime.sim.internal.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.sim.internal.car.VinFactory;
import io.spime.sim.internal.verify.RenewalCheck;
import io.spime.testkit.TestPostgres;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.custody.PartyId;
import io.spime.twin.experience.RenewalCandidate;
import io.spime.twin.experience.Signal;
import io.spime.wire.AssetId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renewal back office on a real SQLite store (and once on PostgreSQL), its clock driven by the
 * test: no cars, no broker.
 */
class RenewalOfficeTest {
  private static final long START = 1_780_000_000_000L;
  private static final Duration RUN = Duration.ofSeconds(30);

  @TempDir Path dir;

  private static List<AssetId> fleet(int cars) {
    return IntStream.range(0, cars).mapToObj(i -> VinFactory.vin(3, i)).toList();
  }

  /** Plays the office over a run of 30 simulated seconds, a tick every 5. */
  private RenewalOffice played(TwinStore store, List<AssetId> cars, long seed) {
    RenewalOffice office = new RenewalOffice(store, seed, START, RUN);
    office.start(cars, START);
    for (long t = 5_000; t < RUN.toMillis(); t += 5_000) {
      office.tick(START + t);
    }
    office.finish(START + RUN.toMillis());
    return office;
  }

  @Test
  void a_tenth_of_the_fleet_is_seeded_at_least_one_car_and_the_same_for_the_same_seed() {
    assertEquals(1, RenewalOffice.seededCars(fleet(3), new Random(1)).size());
    assertEquals(2, RenewalOffice.seededCars(fleet(15), new Random(1)).size());
    assertEquals(10, RenewalOffice.seededCars(fleet(100), new Random(1)).size());
    assertEquals(RenewalOffice.seededCars(fleet(100), new Random(9)), RenewalOffice.seededCars(fleet(100), new Random(9)));
  }

  @Test
  void the_seeded_customers_rank_on_top_with_the_reasons_of_their_bad_experience() {
    try (TwinStore store = TwinStores.open(dir.resolve("twins.db").toString())) {
      assertSeededOnTop(store);
    }
  }

  @Test
  void a_postgresql_store_ranks_them_the_same() {
    TestPostgres.unavailable().ifPresent(Assumptions::abort);
    try (TestPostgres.Schema schema = TestPostgres.freshSchema(); TwinStore store = TwinStores.open(schema.url())) {
      assertSeededOnTop(store);
    }
  }

  private void assertSeededOnTop(TwinStore store) {
    List<AssetId> cars = fleet(30);
    RenewalOffice office = played(store, cars, 5);

    assertEquals(List.of(), office.violations());
    RenewalCheck check = office.renewals().orElseThrow();
    assertEquals(30, check.ranked());
    assertEquals(3, check.seeded().size());
    for (RenewalCandidate seeded : check.top().subList(0, 3)) {
      assertTrue(check.seeded().contains(seeded.customer()), seeded.toString());
      assertEquals(2L, seeded.signals().get(Signal.REPEATED_DTC), "two codes, each raised in both breakdowns");
      assertEquals(2L, seeded.signals().get(Signal.UNANSWERED_TOUCHPOINT), "a complaint after each breakdown");
      assertTrue(seeded.signals().get(Signal.DAYS_IN_WORKSHOP) >= 2 * 7 + 3, seeded.signals().toString());
      assertTrue(seeded.signals().get(Signal.DAYS_OFF_ROAD) >= 2 * 7, seeded.signals().toString());
      assertEquals(1L, seeded.signals().get(Signal.LONG_OPEN_DTC), "the code open for weeks");
      assertTrue(seeded.risk().reasons().stream().anyMatch(r -> r.signal() == Signal.LONG_OPEN_DTC
          && r.details().size() == 1 && r.details().get(0).startsWith(LeaseScript.LONG_OPEN_CODE + " open ")),
          "the reason names it: " + seeded.risk().reasons());
    }
    RenewalCandidate fourth = check.top().get(3);
    assertTrue(fourth.risk().points() <= 19, "an ordinary customer: " + fourth);
    assertTrue(office.summary().startsWith("renewals: the 3 seeded customers rank #1 to #3 of the 30 leases due"),
        office.summary());
  }

  @Test
  void a_wrong_expectation_on_the_real_ranking_fails_naming_where_the_expected_customer_ranked() {
    List<AssetId> cars = fleet(10);
    try (TwinStore store = TwinStores.open(dir.resolve("twins.db").toString())) {
      RenewalCheck real = played(store, cars, 5).renewals().orElseThrow();
      List<RenewalCandidate> ranking = new ArrayList<>(real.top());
      RenewalCandidate ordinary = ranking.get(ranking.size() - 1);

      RenewalCheck wrong = RenewalCheck.of(ranking, Set.of(ordinary.customer()), cars.size());

      assertFalse(wrong.passed());
      assertTrue(wrong.failures().get(0).startsWith("seeded customer " + ordinary.customer() + " (car "
          + ordinary.agreement().vin() + ", #10, " + ordinary.risk().points() + " points"), wrong.failures().get(0));
      assertTrue(wrong.failures().get(0).contains("ranked below the top 1, where #1 is unseeded "
          + ranking.get(0).customer()), wrong.failures().get(0));
      assertTrue(wrong.failures().get(1).startsWith("unseeded customer " + ranking.get(0).customer()),
          wrong.failures().toString());
    }
  }

  @Test
  void a_store_that_knows_the_cars_already_is_refused_with_the_reason() {
    List<AssetId> cars = fleet(2);
    try (TwinStore store = TwinStores.open(dir.resolve("twins.db").toString())) {
      played(store, cars, 5);
      RenewalOffice again = new RenewalOffice(store, 5, START, RUN);
      IllegalStateException error = assertThrows(IllegalStateException.class, () -> again.start(cars, START));
      assertTrue(error.getMessage().contains("the store already knows " + cars.get(0) + ": use a new store"),
          error.getMessage());
    }
  }

  @Test
  void a_customer_id_is_the_lessee_of_the_car() {
    try (TwinStore store = TwinStores.open(dir.resolve("twins.db").toString())) {
      RenewalCheck check = played(store, fleet(1), 5).renewals().orElseThrow();
      assertEquals(Set.of(PartyId.of("lessee-" + VinFactory.vin(3, 0).value())), check.seeded());
      assertTrue(check.passed(), check.failures().toString());
    }
  }
}
