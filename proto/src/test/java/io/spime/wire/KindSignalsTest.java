package io.spime.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.wire.catalog.KindSignals;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KindSignalsTest {
  private final SignalCatalog catalog = SignalCatalog.builtIn();

  @ParameterizedTest
  @EnumSource(AssetKind.class)
  void every_signal_of_a_kind_is_in_the_built_in_catalog(AssetKind kind) {
    for (String path : KindSignals.paths(kind)) {
      assertTrue(catalog.byPath(path).isPresent(), kind + ": " + path);
    }
    assertEquals(KindSignals.paths(kind).size(), KindSignals.of(kind, catalog).size());
  }

  @Test
  void kinds_send_their_own_signals_and_not_each_others() {
    assertTrue(KindSignals.sends(AssetKind.BICYCLE, "Vehicle.Bicycle.Cadence"));
    assertTrue(KindSignals.sends(AssetKind.E_BIKE, "Vehicle.Bicycle.AssistLevel"));
    assertFalse(KindSignals.sends(AssetKind.BICYCLE, "Vehicle.Bicycle.AssistLevel"));
    assertFalse(KindSignals.sends(AssetKind.BICYCLE,
        "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current"));
    assertTrue(KindSignals.sends(AssetKind.BOAT, "Vehicle.Boat.Bilge.IsPumpRunning"));
    assertFalse(KindSignals.sends(AssetKind.CAR, "Vehicle.Boat.Bilge.IsPumpRunning"));
    assertTrue(KindSignals.sends(AssetKind.CAR, "Vehicle.Cabin.Seat.Row1.DriverSide.Position"));
    assertFalse(KindSignals.sends(AssetKind.E_SCOOTER, "Vehicle.Cabin.Seat.Row1.DriverSide.Position"));
  }

  @Test
  void the_catalog_version_that_adds_the_kinds_is_two_and_keeps_every_v1_id() {
    assertEquals(2, catalog.version());
    assertEquals("Vehicle.Speed", catalog.require(1).path());
    assertEquals("Vehicle.Cabin.Seat.Row1.DriverSide.Backrest.Recline", catalog.require(64).path());
    for (String path : KindSignals.extensions()) {
      SignalDefinition signal = catalog.require(path);
      assertTrue(signal.id() > 64, path + " is new in v2");
    }
  }
}
