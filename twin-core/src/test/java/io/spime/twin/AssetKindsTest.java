package io.spime.twin;

import static io.spime.twin.Fixtures.FACTORY;
import static io.spime.twin.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.battery.BatteryFate;
import io.spime.twin.event.Deregistered;
import io.spime.twin.event.Dismantled;
import io.spime.twin.event.PhaseChanged;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.event.VehicleProduced;
import io.spime.twin.exceptions.IllegalTransitionException;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.fleet.VehicleSummary;
import io.spime.twin.identity.Powertrain;
import io.spime.twin.identity.VehicleIdentity;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.AssetId;
import io.spime.wire.AssetKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Twins of boats, e-bikes and trailers beside cars: their kind, their phases, the fleet by kind. */
class AssetKindsTest extends StoreContract {
  static final AssetId BOAT = AssetId.parse("HIN-US-ABC12345D404");
  static final AssetId E_BIKE = AssetId.parse("FRM-WTU12345");
  static final AssetId CAR = TestVins.numbered(310);

  static VehicleProduced produced(AssetId id, AssetKind kind, Powertrain powertrain) {
    VehicleProduced car = Fixtures.produced(id.scheme() == AssetKind.CAR.scheme() ? id : CAR);
    return new VehicleProduced(new VehicleIdentity(id, "Volta", kind.wireName(), 2024, powertrain, kind),
        car.production());
  }

  private static List<PendingEvent> delivered(TwinEvent produced) {
    return Fixtures.timeline(FACTORY, produced, new PhaseChanged(LifecyclePhase.IN_TRANSIT, "shipped"),
        new PhaseChanged(LifecyclePhase.IN_STOCK, "arrived"), new PhaseChanged(LifecyclePhase.IN_SERVICE, "rented"));
  }

  @Test
  void twins_know_their_kind_and_the_fleet_filters_by_it() {
    try (TwinStore store = stores.open()) {
      store.append(BOAT, 0, delivered(produced(BOAT, AssetKind.BOAT, Powertrain.ICE)));
      store.append(E_BIKE, 0, delivered(produced(E_BIKE, AssetKind.E_BIKE, Powertrain.BEV)));
      store.append(CAR, 0, delivered(Fixtures.produced(CAR)));

      assertEquals(AssetKind.BOAT, store.twin(BOAT).orElseThrow().identity().orElseThrow().kind());
      assertEquals(AssetKind.CAR, store.twin(CAR).orElseThrow().identity().orElseThrow().kind());
      assertEquals(List.of(BOAT), ids(store, AssetKind.BOAT));
      assertEquals(List.of(E_BIKE), ids(store, AssetKind.E_BIKE));
      assertEquals(List.of(CAR), ids(store, AssetKind.CAR));
      assertEquals(List.of(), ids(store, AssetKind.TRAILER));
      VehicleSummary boat = store.fleet(new FleetQuery.OfKind(AssetKind.BOAT), PageRequest.first(10))
          .vehicles().get(0);
      assertEquals(Optional.of(LifecyclePhase.IN_SERVICE), boat.phase());
    }
  }

  @Test
  void an_e_bike_is_never_deregistered_and_goes_from_off_road_to_dismantled() {
    try (TwinStore store = stores.open()) {
      long r = store.append(E_BIKE, 0, delivered(produced(E_BIKE, AssetKind.E_BIKE, Powertrain.BEV)))
          .revision();
      r = store.append(E_BIKE, r, Fixtures.timeline(T0.plusSeconds(3600), FACTORY,
          new PhaseChanged(LifecyclePhase.OFF_ROAD, "frame cracked"))).revision();
      long off = r;

      IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
          () -> store.append(E_BIKE, off, Fixtures.timeline(T0.plusSeconds(7200), FACTORY,
              new Deregistered("KBA", "end of life"))));
      assertTrue(e.getMessage().contains("an e-bike is never DEREGISTERED (it is not registered)"),
          e.getMessage());

      store.append(E_BIKE, r, Fixtures.timeline(T0.plusSeconds(7200), FACTORY,
          new Dismantled("ATF-9", List.of(), Optional.of(BatteryFate.RECYCLED))));
      assertEquals(Optional.of(LifecyclePhase.DISMANTLED), store.twin(E_BIKE).orElseThrow().phase());
    }
  }

  @Test
  void phases_per_kind_skip_registration_only_for_frame_numbered_kinds() {
    assertEquals(EnumSet.of(LifecyclePhase.IN_SERVICE, LifecyclePhase.DISMANTLED),
        LifecyclePhase.OFF_ROAD.next(AssetKind.BICYCLE));
    assertEquals(EnumSet.of(LifecyclePhase.IN_SERVICE, LifecyclePhase.DEREGISTERED),
        LifecyclePhase.OFF_ROAD.next(AssetKind.BOAT));
    assertEquals(EnumSet.of(LifecyclePhase.IN_SERVICE, LifecyclePhase.DEREGISTERED),
        LifecyclePhase.OFF_ROAD.next(AssetKind.TRAILER));
    assertTrue(!LifecyclePhase.DEREGISTERED.appliesTo(AssetKind.E_SCOOTER)
        && LifecyclePhase.DEREGISTERED.appliesTo(AssetKind.CAR));
  }

  @Test
  void a_kind_whose_scheme_does_not_match_the_id_is_refused_by_name() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new VehicleIdentity(CAR, "Volta", "Sea", 2024, Powertrain.ICE, AssetKind.BOAT));

    assertEquals("a boat is identified by its HIN, but " + CAR + " is a VIN", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new VehicleIdentity(BOAT, "Volta", "Bike", 2024, Powertrain.BEV, AssetKind.E_BIKE));
  }

  @Test
  void production_records_without_a_kind_read_as_a_car_and_with_one_keep_it() {
    String boat = TwinEventJson.write(produced(BOAT, AssetKind.BOAT, Powertrain.ICE));
    String car = TwinEventJson.write(Fixtures.produced(CAR)).replace(",\"kind\":\"CAR\"", "");

    assertTrue(boat.contains("\"kind\":\"BOAT\""), boat);
    assertTrue(!car.contains("kind"), car);
    assertEquals(AssetKind.BOAT, ((VehicleProduced) TwinEventJson.parse(boat)).identity().kind());
    assertEquals(AssetKind.CAR, ((VehicleProduced) TwinEventJson.parse(car)).identity().kind());
    String mismatched = boat.replace("\"kind\":\"BOAT\"", "\"kind\":\"E_BIKE\"");
    RuntimeException e = assertThrows(RuntimeException.class, () -> TwinEventJson.parse(mismatched));
    assertTrue(e.getMessage().contains("an e-bike is identified by its frame number, but "
        + BOAT + " is a HIN"), e.getMessage());
  }

  private static List<AssetId> ids(TwinStore store, AssetKind kind) {
    return store.fleet(new FleetQuery.OfKind(kind), PageRequest.first(10)).vehicles().stream()
        .map(VehicleSummary::vin).toList();
  }
}
