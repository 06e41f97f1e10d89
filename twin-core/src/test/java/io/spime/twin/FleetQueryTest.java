package io.spime.twin;

import static io.spime.twin.Fixtures.CAR;
import static io.spime.twin.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.battery.BatteryCondition;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Term;
import io.spime.twin.diagnostics.DtcSeverity;
import io.spime.twin.event.BatteryMeasured;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.event.PhaseChanged;
import io.spime.twin.event.SubscriptionStarted;
import io.spime.twin.exceptions.InvalidCursorException;
import io.spime.twin.fleet.FleetPage;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.fleet.VehicleSummary;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.AssetId;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A fleet of 40 cars: even ones sold (IN_SERVICE) and odd ones in stock, with faults, leases, batteries. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestStore.Kind.class)
class FleetQueryTest {
  @Parameter TestStore.Kind kind;
  static TestStore stores;
  static TwinStore store;
  static final int CARS = 40;

  static AssetId car(int i) {
    return TestVins.numbered(1000 + i);
  }

  @BeforeParameterizedClassInvocation
  static void fleet(TestStore.Kind kind) {
    kind.assumeAvailable();
    stores = kind.create();
    store = stores.open();
    List<AppendRequest> requests = new ArrayList<>();
    for (int i = 0; i < CARS; i++) {
      AssetId vin = car(i);
      List<PendingEvent> events = new ArrayList<>(Fixtures.timeline(Fixtures.FACTORY,
          Fixtures.produced(vin, "Volta", i % 4 == 0 ? "E2" : "E1", 2020 + i % 3),
          new PhaseChanged(LifecyclePhase.IN_TRANSIT, "shipped"),
          new PhaseChanged(LifecyclePhase.IN_STOCK, "stocked")));
      if (i % 2 == 0) {
        Term lease = Term.of(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1).plusDays(i));
        events.addAll(Fixtures.timeline(T0.plusSeconds(3600), CAR,
            new PhaseChanged(LifecyclePhase.IN_SERVICE, "sold"),
            new CustodyStarted(CustodyRole.LESSEE, PartyId.of(i % 4 == 0 ? "lessee-a" : "lessee-b" + i), Optional.of(lease)),
            new BatteryMeasured(new BatteryCondition(70 + i, 100, 60)),
            new SubscriptionStarted("s" + i, "nav", PartyId.of("p" + i), Term.of(LocalDate.of(2024, 1, 1), LocalDate.of(2030, 1, 1)))));
      }
      if (i % 5 == 0) {
        events.addAll(Fixtures.timeline(T0.plusSeconds(7200), CAR, new DtcRaised("P0A80", DtcSeverity.WARNING, "imbalance")));
      }
      requests.add(new AppendRequest(vin, 0, events));
    }
    store.appendAll(requests);
  }

  @AfterParameterizedClassInvocation
  static void close() {
    if (store != null) {
      store.close();
    }
    if (stores != null) {
      stores.close();
    }
    store = null;
    stores = null;
  }

  static List<VehicleSummary> all(FleetQuery q, int pageSize) {
    List<VehicleSummary> out = new ArrayList<>();
    FleetPage page = store.fleet(q, PageRequest.first(pageSize));
    out.addAll(page.vehicles());
    int pages = 1;
    while (page.next().isPresent()) {
      page = store.fleet(q, PageRequest.after(page.next().get(), pageSize));
      out.addAll(page.vehicles());
      assertTrue(++pages < 100, "paging terminates");
    }
    return out;
  }

  static Set<AssetId> vins(List<VehicleSummary> list) {
    return list.stream().map(VehicleSummary::vin).collect(Collectors.toSet());
  }

  static Set<AssetId> cars(java.util.function.IntPredicate which) {
    Set<AssetId> out = new HashSet<>();
    for (int i = 0; i < CARS; i++) {
      if (which.test(i)) {
        out.add(car(i));
      }
    }
    return out;
  }

  @Test
  void by_phase_pages_through_every_match_once() {
    List<VehicleSummary> inService = all(new FleetQuery.InPhase(LifecyclePhase.IN_SERVICE), 3);
    assertEquals(20, inService.size());
    assertEquals(cars(i -> i % 2 == 0), vins(inService));
    assertEquals(cars(i -> i % 2 == 1), vins(all(new FleetQuery.InPhase(LifecyclePhase.IN_STOCK), 7)));
  }

  @Test
  void by_make_model_and_year() {
    assertEquals(cars(i -> i % 4 == 0), vins(all(new FleetQuery.OfModel("Volta", "E2", Optional.empty()), 4)));
    List<VehicleSummary> e1 = all(new FleetQuery.OfModel("Volta", "E1", Optional.of(2021)), 2);
    assertEquals(cars(i -> i % 4 != 0 && i % 3 == 1), vins(e1));
    List<VehicleSummary> byYear = all(new FleetQuery.OfModel("Volta", "E1", Optional.empty()), 5);
    List<Integer> years = byYear.stream().map(v -> v.modelYear().orElseThrow()).toList();
    assertEquals(years.stream().sorted().toList(), years);
  }

  @Test
  void with_an_open_trouble_code() {
    assertEquals(cars(i -> i % 5 == 0), vins(all(new FleetQuery.WithOpenDtc("P0A80"), 3)));
    assertTrue(all(new FleetQuery.WithOpenDtc("P9999"), 3).isEmpty());
  }

  @Test
  void battery_health_below_a_threshold_lowest_first() {
    List<VehicleSummary> weak = all(new FleetQuery.BatteryHealthBelow(80), 2);
    Set<AssetId> measured = vins(weak);
    measured.remove(TestVins.numbered(999));
    assertEquals(cars(i -> i % 2 == 0 && 70 + i < 80), measured);
    List<Double> health = weak.stream().map(v -> v.batteryHealthPercent().orElseThrow()).toList();
    assertEquals(health.stream().sorted().toList(), health);
  }

  @Test
  void battery_health_from_telemetry_counts_when_newer() {
    AssetId vin = TestVins.numbered(999);
    Fixtures.applyTelemetry(store, List.of(TelemetryApplyTest.batch(vin, 3, 1,
        new Sample(7, T0.plus(Duration.ofDays(30)).toEpochMilli(), SignalValue.of(42.5)))));
    assertTrue(vins(all(new FleetQuery.BatteryHealthBelow(50), 10)).contains(vin));
  }

  @Test
  void agreements_ending_before_a_date_soonest_first() {
    List<VehicleSummary> ending = all(new FleetQuery.AgreementEndingBefore(LocalDate.of(2025, 1, 11)), 2);
    assertEquals(cars(i -> i % 2 == 0 && i < 10), vins(ending));
    assertEquals(5, ending.size());
    assertTrue(all(new FleetQuery.AgreementEndingBefore(LocalDate.of(2031, 1, 1)), 50).size() >= 40);
  }

  @Test
  void not_seen_since_finds_the_dormant_cars() {
    AssetId dormant = car(3);
    AssetId active = car(5);
    Fixtures.applyTelemetry(store, List.of(
        TelemetryApplyTest.batch(dormant, 9, 1, TelemetryApplyTest.speed(T0.toEpochMilli(), 1)),
        TelemetryApplyTest.batch(active, 9, 1, TelemetryApplyTest.speed(T0.plus(Duration.ofDays(60)).toEpochMilli(), 1))));
    Set<AssetId> silent = vins(all(new FleetQuery.NotSeenSince(T0.plus(Duration.ofDays(10))), 3));
    assertTrue(silent.contains(dormant));
    assertTrue(!silent.contains(active));
    assertTrue(silent.contains(car(0)), "a car whose own events were last heard at T0");
  }

  @Test
  void by_custody_party() {
    assertEquals(cars(i -> i % 4 == 0), vins(all(new FleetQuery.InCustodyOf(PartyId.of("lessee-a")), 4)));
    assertTrue(all(new FleetQuery.InCustodyOf(PartyId.of("nobody")), 4).isEmpty());
  }

  @Test
  void a_cursor_of_another_query_is_refused() {
    FleetPage page = store.fleet(new FleetQuery.InPhase(LifecyclePhase.IN_SERVICE), PageRequest.first(2));
    String cursor = page.next().orElseThrow();
    InvalidCursorException e = assertThrows(InvalidCursorException.class,
        () -> store.fleet(new FleetQuery.WithOpenDtc("P0A80"), PageRequest.after(cursor, 2)));
    assertTrue(e.getMessage().contains("WithOpenDtc"), e.getMessage());
    assertThrows(InvalidCursorException.class,
        () -> store.fleet(new FleetQuery.InPhase(LifecyclePhase.IN_SERVICE), PageRequest.after("%%%", 2)));
  }
}
