package io.spime.sim.internal.car;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.wire.AssetId;
import io.spime.wire.AssetKind;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssetIdsTest {
  @Test
  void every_kind_gets_valid_repeatable_distinct_ids_that_tell_their_kind() {
    for (AssetKind kind : AssetKind.values()) {
      Set<AssetId> ids = new HashSet<>();
      for (int i = 0; i < 2_000; i++) {
        AssetId id = AssetIds.of(kind, 7, i);
        assertEquals(id, AssetId.parse(id.value()), "valid in its scheme: " + id);
        assertTrue(kind.accepts(id), kind + " takes " + id);
        assertEquals(kind, AssetIds.kindOf(id), id.value());
        assertEquals(id, AssetIds.of(kind, 7, i), "same seed and index, same id");
        ids.add(id);
      }
      assertEquals(2_000, ids.size(), kind + " ids are distinct");
    }
  }

  @Test
  void the_rental_fleet_mixes_every_kind_from_six_vehicles_on_and_is_mostly_cars() {
    ScenarioSpec rental = ScenarioSpec.resolve("rental-fleet");
    Set<AssetKind> firstSix = EnumSet.noneOf(AssetKind.class);
    for (int i = 0; i < 6; i++) {
      firstSix.add(FleetMix.kindAt(rental, i));
    }
    assertEquals(EnumSet.allOf(AssetKind.class), firstSix);
    long cars = java.util.stream.IntStream.range(0, 120)
        .filter(i -> FleetMix.kindAt(rental, i) == AssetKind.CAR).count();
    assertEquals(60, cars, "half of the fleet are cars");
    for (int i = 0; i < 20; i++) {
      assertEquals(AssetKind.CAR, FleetMix.kindAt(ScenarioSpec.resolve("commute"), i));
      assertEquals(VinFactory.vin(3, i), FleetMix.idAt(ScenarioSpec.resolve("commute"), 3, i));
    }
  }
}
