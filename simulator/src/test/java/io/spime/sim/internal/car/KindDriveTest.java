package io.spime.sim.internal.car;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.sim.internal.model.CarModel;
import io.spime.sim.internal.model.CarSignals;
import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.wire.AssetKind;
import io.spime.wire.catalog.KindSignals;
import io.spime.wire.telemetry.SignalValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each kind reads the car model at its own pace and records only signals of its own catalog. */
class KindDriveTest {
  private static final Map<AssetKind, Double> TOP_SPEED = Map.of(AssetKind.BICYCLE, 30.0,
      AssetKind.E_BIKE, 25.0, AssetKind.E_SCOOTER, 20.0, AssetKind.BOAT, 45.0, AssetKind.TRAILER, 80.0);

  @Test
  void every_other_kind_keeps_its_pace_and_its_catalog() {
    for (AssetKind kind : TOP_SPEED.keySet()) {
      KindDrive drive = new KindDrive(kind);
      CarModel model = new CarModel(11, ScenarioSpec.resolve("rental-fleet"), Duration.ofMinutes(10));
      Set<String> own = new HashSet<>();
      boolean drove = false;
      for (int tick = 0; tick < 3_000; tick++) {
        model.advance(0.1);
        drove |= model.isDriving() && drive.speedKmh(model) > 1;
        assertTrue(drive.speedKmh(model) <= TOP_SPEED.get(kind), kind + " at " + drive.speedKmh(model));
        double odometer = drive.odometerM(model);
        assertEquals(Math.rint(odometer), odometer, kind + ": the odometer is in whole metres");
        drive.recordOwn(model, (path, value) -> {
          own.add(path);
          assertTrue(value >= 0 || path.endsWith("Coolant.Temperature"), kind + " " + path + " = " + value);
        }, (path, value) -> own.add(path));
      }
      assertTrue(drove, kind + " moved");
      assertFalse(own.isEmpty(), kind + " has signals of its own");
      for (String path : own) {
        assertTrue(KindSignals.sends(kind, path), kind + " does not send " + path);
      }
      assertTrue(drive.sends(CarSignals.SPEED));
    }
    assertFalse(new KindDrive(AssetKind.BICYCLE).sends(CarSignals.SOC));
    assertFalse(new KindDrive(AssetKind.BICYCLE).raisesTroubleCodes());
    assertFalse(new KindDrive(AssetKind.TRAILER).sends(CarSignals.TYRES.get(3)));
  }

  @Test
  void a_resumed_model_gets_back_the_car_pace_odometer() {
    KindDrive bike = new KindDrive(AssetKind.E_BIKE);
    Map<String, SignalValue> recorded = new HashMap<>();
    recorded.put(CarSignals.ODOMETER, SignalValue.of(2_000));
    recorded.put(CarSignals.SPEED, SignalValue.of(20));
    Map<String, SignalValue> model = bike.asModel(recorded);
    assertEquals(SignalValue.of(10_000.0), model.get(CarSignals.ODOMETER));
    assertEquals(SignalValue.of(100.0), model.get(CarSignals.SPEED));
    assertEquals(recorded, new KindDrive(AssetKind.CAR).asModel(recorded));
  }
}
