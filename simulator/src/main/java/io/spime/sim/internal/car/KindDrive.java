package io.spime.sim.internal.car;

import io.spime.sim.internal.model.CarModel;
import io.spime.sim.internal.model.CarSignals;
import io.spime.wire.AssetKind;
import io.spime.wire.catalog.KindSignals;
import io.spime.wire.telemetry.SignalValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * How an asset of another kind than a car reads the car model that drives it: the same trips and
 * parked spells at the kind's own pace (a bicycle at a fifth of the car's speed, a trailer no faster
 * than 80 km/h), and the signals of its own catalog ({@link KindSignals}) derived from the model: a
 * bicycle's cadence and rider power, an e-bike's assist level, an e-scooter's kickstand, a boat's
 * engine, fuel, water depth and anchor, a trailer's coupling. A car reads the model as it is.
 */
final class KindDrive {
  private static final double BOAT_CRUISE_KMH = 25;

  private final AssetKind kind;
  private final double paceFactor;
  private final double topSpeedKmh;

  KindDrive(AssetKind kind) {
    this.kind = kind;
    switch (kind) {
      case BICYCLE -> { paceFactor = 0.18; topSpeedKmh = 30; }
      case E_BIKE -> { paceFactor = 0.2; topSpeedKmh = 25; }
      case E_SCOOTER -> { paceFactor = 0.2; topSpeedKmh = 20; }
      case BOAT -> { paceFactor = 0.35; topSpeedKmh = 45; }
      case TRAILER -> { paceFactor = 1; topSpeedKmh = 80; }
      default -> { paceFactor = 1; topSpeedKmh = Double.MAX_VALUE; }
    }
  }

  AssetKind kind() {
    return kind;
  }

  /** Whether this kind's catalog has the signal: what it has not, it never records. */
  boolean sends(String path) {
    return kind == AssetKind.CAR || KindSignals.sends(kind, path);
  }

  /** The asset's speed, in km/h. */
  double speedKmh(CarModel model) {
    return Math.min(model.speedKmh() * paceFactor, topSpeedKmh);
  }

  /** The distance the asset has travelled, in metres. */
  double odometerM(CarModel model) {
    return kind == AssetKind.CAR ? model.odometerM() : Math.round(model.odometerM() * paceFactor);
  }

  /**
   * The model's values behind the values this asset recorded (its odometer and speed back at the
   * car's pace), for a model that resumes from the asset's ledger.
   */
  Map<String, SignalValue> asModel(Map<String, SignalValue> recorded) {
    if (paceFactor == 1) {
      return recorded;
    }
    Map<String, SignalValue> model = new HashMap<>(recorded);
    for (String path : List.of(CarSignals.ODOMETER, CarSignals.SPEED)) {
      if (recorded.get(path) instanceof SignalValue.Number number) {
        model.put(path, SignalValue.of(number.value() / paceFactor));
      }
    }
    return model;
  }

  /** Records the kind's own signals, those a car has not, through {@code number} and {@code flag}. */
  void recordOwn(CarModel model, BiConsumer<String, Double> number, BiConsumer<String, Boolean> flag) {
    boolean driving = model.isDriving();
    double speed = speedKmh(model);
    double charge = model.battery().stateOfChargePercent();
    switch (kind) {
      case BICYCLE, E_BIKE -> {
        number.accept("Vehicle.Bicycle.Cadence", driving ? (double) Math.round(50 + speed * 1.5) : 0.0);
        number.accept("Vehicle.Bicycle.RiderPower", driving ? (double) Math.round(60 + speed * 5) : 0.0);
        if (kind == AssetKind.E_BIKE) {
          number.accept("Vehicle.Bicycle.AssistLevel", driving ? 2.0 : 0.0);
          number.accept("Vehicle.Powertrain.TractionBattery.Range", (double) Math.round(charge * 800));
        }
      }
      case E_SCOOTER -> {
        flag.accept("Vehicle.Scooter.IsKickstandDown", !driving);
        number.accept("Vehicle.Powertrain.TractionBattery.Range", (double) Math.round(charge * 400));
      }
      case BOAT -> {
        number.accept("Vehicle.Powertrain.CombustionEngine.Speed",
            driving ? (double) Math.round(800 + speed * 80) : 0.0);
        flag.accept("Vehicle.Powertrain.CombustionEngine.IsRunning", driving);
        number.accept("Vehicle.Powertrain.CombustionEngine.EngineHours",
            Math.round(odometerM(model) / 1000 / BOAT_CRUISE_KMH * 100) / 100.0);
        number.accept("Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature",
            Math.round((driving ? 82 : model.airTemperatureC()) * 10) / 10.0);
        number.accept("Vehicle.Powertrain.FuelSystem.RelativeLevel", (double) Math.round(charge));
        number.accept("Vehicle.Powertrain.FuelSystem.Range", (double) Math.round(charge * 1500));
        number.accept("Vehicle.Boat.WaterDepth",
            Math.round((3 + (odometerM(model) / 50) % 25) * 10) / 10.0);
        number.accept("Vehicle.Boat.WaterTemperature",
            Math.round(Math.max(2, model.airTemperatureC() - 3) * 10) / 10.0);
        flag.accept("Vehicle.Boat.Bilge.IsPumpRunning", false);
        flag.accept("Vehicle.Boat.IsAnchored", !driving);
      }
      case TRAILER -> flag.accept("Vehicle.Trailer.IsConnected", driving);
      default -> { }
    }
  }

  /** Whether the asset reports its trouble codes: those whose catalog counts them. */
  boolean raisesTroubleCodes() {
    return sends(CarSignals.DTC_COUNT);
  }
}
