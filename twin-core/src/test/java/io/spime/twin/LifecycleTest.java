package io.spime.twin;

import static io.spime.twin.Fixtures.DEALER;
import static io.spime.twin.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.battery.BatteryFate;
import io.spime.twin.battery.EndOfLife;
import io.spime.twin.battery.RecoveredMaterial;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.diagnostics.DtcSeverity;
import io.spime.twin.event.CustodyEnded;
import io.spime.twin.event.Deregistered;
import io.spime.twin.event.Dismantled;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.event.PhaseChanged;
import io.spime.twin.event.Recycled;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.exceptions.IllegalTransitionException;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.twin.lifecycle.PhaseChange;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LifecycleTest extends StoreContract {
  private TwinStore store;
  private final AssetId vin = TestVins.numbered(200);
  private Instant next = T0.plusSeconds(3600);

  @BeforeEach
  void open() {
    store = stores.open();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private long append(long expected, TwinEvent... events) {
    long r = store.append(vin, expected, Fixtures.timeline(next, DEALER, events)).revision();
    next = next.plusSeconds(3600);
    return r;
  }

  private IllegalTransitionException refused(long expected, TwinEvent event) {
    IllegalTransitionException e =
        assertThrows(IllegalTransitionException.class, () -> append(expected, event));
    assertEquals(expected, store.twin(vin).map(Twin::revision).orElse(0L), "nothing written");
    return e;
  }

  @Test
  void a_car_lives_from_production_to_recycling() {
    long r = store.append(vin, 0, Fixtures.deliveredCar(vin)).revision();
    r = append(r, Fixtures.owner("cust-1"), new PhaseChanged(LifecyclePhase.OFF_ROAD, "accident"),
        new PhaseChanged(LifecyclePhase.IN_SERVICE, "repaired"), new PhaseChanged(LifecyclePhase.OFF_ROAD, "written off"),
        new CustodyEnded(CustodyRole.OWNER, "sold to dismantler"), new Deregistered("KBA", "end of life"),
        new Dismantled("ATF-9", List.of(new RecoveredMaterial("steel", 700)), Optional.of(BatteryFate.SECOND_LIFE)),
        new Recycled("MetalWorks", List.of(new RecoveredMaterial("aluminium", 120))));
    Twin twin = store.twin(vin).orElseThrow();
    assertEquals(Optional.of(LifecyclePhase.RECYCLED), twin.phase());
    assertEquals(12, r);
    EndOfLife eol = twin.endOfLife();
    assertEquals(Optional.of("KBA"), eol.authority());
    assertEquals(Optional.of("ATF-9"), eol.dismantler());
    assertEquals(Optional.of(BatteryFate.SECOND_LIFE), eol.batteryFate());
    assertEquals(Optional.of("MetalWorks"), eol.recycler());
    assertEquals(2, eol.recovered().size());
    assertEquals(
        List.of(LifecyclePhase.PRODUCED, LifecyclePhase.IN_TRANSIT, LifecyclePhase.IN_STOCK, LifecyclePhase.IN_SERVICE,
            LifecyclePhase.OFF_ROAD, LifecyclePhase.IN_SERVICE, LifecyclePhase.OFF_ROAD, LifecyclePhase.DEREGISTERED,
            LifecyclePhase.DISMANTLED, LifecyclePhase.RECYCLED),
        twin.phaseHistory().stream().map(PhaseChange::to).toList());
  }

  @Test
  void skipping_a_phase_is_refused_naming_the_phase_and_the_move() {
    store.append(vin, 0, Fixtures.timeline(Fixtures.FACTORY, Fixtures.produced(vin)));
    IllegalTransitionException e = refused(1, new PhaseChanged(LifecyclePhase.IN_STOCK, "skip transit"));
    assertEquals(Optional.of(LifecyclePhase.PRODUCED), e.phase());
    assertEquals("move to IN_STOCK", e.move());
    assertTrue(e.getMessage().contains("PRODUCED") && e.getMessage().contains("IN_STOCK"), e.getMessage());
  }

  @Test
  void a_car_in_service_cannot_be_deregistered_without_going_off_road() {
    store.append(vin, 0, Fixtures.deliveredCar(vin));
    IllegalTransitionException e = refused(4, new Deregistered("KBA", "export"));
    assertEquals(Optional.of(LifecyclePhase.IN_SERVICE), e.phase());
    assertEquals("move to DEREGISTERED", e.move());
  }

  @Test
  void going_back_in_the_lifecycle_is_refused() {
    store.append(vin, 0, Fixtures.deliveredCar(vin));
    refused(4, new PhaseChanged(LifecyclePhase.IN_STOCK, "returned"));
    refused(4, new PhaseChanged(LifecyclePhase.PRODUCED, "again"));
  }

  @Test
  void end_of_life_phases_need_their_records() {
    store.append(vin, 0, Fixtures.deliveredCar(vin));
    append(4, new PhaseChanged(LifecyclePhase.OFF_ROAD, "parked"));
    IllegalTransitionException e = refused(5, new PhaseChanged(LifecyclePhase.DEREGISTERED, "no record"));
    assertTrue(e.getMessage().contains("Deregistered"), e.getMessage());
  }

  @Test
  void custody_changes_only_in_service() {
    store.append(vin, 0, Fixtures.deliveredCar(vin).subList(0, 3));
    IllegalTransitionException e = refused(3, Fixtures.owner("cust-1"));
    assertEquals(Optional.of(LifecyclePhase.IN_STOCK), e.phase());
    assertEquals("start custody OWNER", e.move());
  }

  @Test
  void the_first_event_must_be_the_production_record() {
    IllegalTransitionException e = refused(0, new DtcRaised("P1", DtcSeverity.INFO, "x"));
    assertEquals(Optional.empty(), e.phase());
    assertTrue(e.getMessage().contains("VehicleProduced"), e.getMessage());
  }

  @Test
  void a_car_is_produced_only_once() {
    store.append(vin, 0, Fixtures.deliveredCar(vin));
    refused(4, Fixtures.produced(vin));
  }

  @Test
  void a_dismantled_car_takes_no_more_events_but_recycling() {
    store.append(vin, 0, Fixtures.deliveredCar(vin));
    long r = append(4, new PhaseChanged(LifecyclePhase.OFF_ROAD, "old"), new Deregistered("KBA", "eol"),
        new Dismantled("ATF", List.of(), Optional.empty()));
    IllegalTransitionException e = refused(r, new DtcRaised("P1", DtcSeverity.INFO, "x"));
    assertEquals(Optional.of(LifecyclePhase.DISMANTLED), e.phase());
    r = append(r, new Recycled("R", List.of()));
    refused(r, new PhaseChanged(LifecyclePhase.IN_SERVICE, "resurrected"));
  }

  @Test
  void every_phase_allows_exactly_the_documented_moves() {
    assertEquals(List.of(LifecyclePhase.IN_TRANSIT), List.copyOf(LifecyclePhase.PRODUCED.next()));
    assertEquals(List.of(LifecyclePhase.IN_SERVICE, LifecyclePhase.DEREGISTERED), List.copyOf(LifecyclePhase.OFF_ROAD.next()));
    assertEquals(List.of(LifecyclePhase.OFF_ROAD), List.copyOf(LifecyclePhase.IN_SERVICE.next()));
    assertTrue(LifecyclePhase.RECYCLED.next().isEmpty());
  }
}
