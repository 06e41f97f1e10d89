package io.spime.sim.internal;

import io.spime.wire.SignalValue;
import java.util.Map;
import java.util.Random;

/**
 * A plausible battery-electric car: trips and parked spells of the scenario's lengths. On a trip its
 * speed seeks changing targets with bounded acceleration; odometer and position follow the speed,
 * state of charge falls with distance and the battery warms. Parked, it cools and, when its charge
 * is low, charges. Deterministic for a seed. After its telematics unit restarts (a killed agent
 * process), {@link #resume} carries on from the values the car last recorded.
 */
final class CarModel {
  private static final double[] TARGET_SPEEDS_KMH = {0, 30, 50, 80, 110, 130};
  private static final double MAX_ACCEL_KMH_PER_S = 10.8;
  private static final double KWH_PER_KM = 0.16;
  private static final double BATTERY_KWH = 64;
  private static final double METRES_PER_DEGREE = 111_320;

  private static final double CHARGE_PERCENT_PER_S = 0.5;

  private final Random random;
  private final ScenarioSpec scenario;
  private boolean driving = true;
  private boolean charging;
  private double secondsLeftInPhase;
  private double speedKmh;
  private double targetKmh;
  private double secondsToNewTarget;
  private double odometerM;
  private double latitude;
  private double longitude;
  private final double headingRad;
  private double socPercent;
  private double batteryTempC;

  /** The model seed of car {@code index} of a run, after {@code restarts} restarts of its process. */
  static long seedFor(long runSeed, int index, int restarts) {
    return runSeed * 31 + index + restarts * 0x9E37_79B9_7F4A_7C15L;
  }

  CarModel(long seed, ScenarioSpec scenario) {
    random = new Random(seed);
    this.scenario = scenario;
    secondsLeftInPhase = pick(scenario.trip());
    odometerM = 5_000 + random.nextInt(150_000_000) / 1_000.0 * 1_000;
    latitude = 48.0 + random.nextDouble() * 5;
    longitude = 8.0 + random.nextDouble() * 5;
    headingRad = random.nextDouble() * 2 * Math.PI;
    socPercent = 40 + random.nextDouble() * 55;
    batteryTempC = 15 + random.nextDouble() * 10;
  }

  /**
   * Continues from the last recorded values: odometer, position, charge, battery temperature,
   * speed and whether it was charging. The car was driving if it was moving; the rest of its
   * trip or parked spell, its heading and its later speed targets come from this model's seed.
   */
  void resume(Map<String, SignalValue> last) {
    odometerM = number(last, VirtualCar.ODOMETER, odometerM);
    latitude = number(last, VirtualCar.LATITUDE, latitude);
    longitude = number(last, VirtualCar.LONGITUDE, longitude);
    socPercent = number(last, VirtualCar.SOC, socPercent);
    batteryTempC = number(last, VirtualCar.BATTERY_TEMP, batteryTempC);
    speedKmh = number(last, VirtualCar.SPEED, 0);
    targetKmh = speedKmh;
    driving = speedKmh > 0.5 || last.get(VirtualCar.MOVING) instanceof SignalValue.Bool moving
        && moving.value();
    charging = !driving && last.get(VirtualCar.CHARGING) instanceof SignalValue.Bool plugged
        && plugged.value();
    secondsLeftInPhase = pick(driving ? scenario.trip() : scenario.parked());
  }

  private static double number(Map<String, SignalValue> last, String path, double fallback) {
    return last.get(path) instanceof SignalValue.Number number ? number.value() : fallback;
  }

  /** Advances the car by {@code seconds}. */
  void advance(double seconds) {
    secondsLeftInPhase -= seconds;
    if (secondsLeftInPhase <= 0 && (!driving || speedKmh < 0.5)) {
      driving = !driving;
      secondsLeftInPhase = pick(driving ? scenario.trip() : scenario.parked());
      charging = !driving && socPercent < 60;
    }
    if (!driving) {
      speedKmh = 0;
      if (charging) {
        socPercent = Math.min(100, socPercent + CHARGE_PERCENT_PER_S * seconds);
        charging = socPercent < 100;
      }
      batteryTempC += (charging ? 0.01 : -0.01) * seconds;
      return;
    }
    if (secondsLeftInPhase <= 0) {
      targetKmh = 0;
    }
    secondsToNewTarget -= seconds;
    if (secondsToNewTarget <= 0 && secondsLeftInPhase > 0) {
      targetKmh = TARGET_SPEEDS_KMH[random.nextInt(TARGET_SPEEDS_KMH.length)];
      secondsToNewTarget = 5 + random.nextDouble() * 15;
    }
    double step = MAX_ACCEL_KMH_PER_S * seconds;
    speedKmh += Math.max(-step, Math.min(step, targetKmh - speedKmh));
    speedKmh = Math.max(0, speedKmh + (speedKmh > 0 ? random.nextGaussian() * 0.2 : 0));
    double metres = speedKmh / 3.6 * seconds;
    odometerM += metres;
    latitude += metres * Math.cos(headingRad) / METRES_PER_DEGREE;
    longitude +=
        metres * Math.sin(headingRad) / (METRES_PER_DEGREE * Math.cos(Math.toRadians(latitude)));
    socPercent = Math.max(0, socPercent - metres / 1000 * KWH_PER_KM / BATTERY_KWH * 100);
    batteryTempC += (speedKmh > 0 ? 0.002 : -0.001) * seconds * 10;
  }

  private double pick(ScenarioSpec.Range range) {
    double min = range.min().toMillis() / 1000.0;
    double max = range.max().toMillis() / 1000.0;
    return min + random.nextDouble() * (max - min);
  }

  boolean isDriving() {
    return driving;
  }

  boolean isCharging() {
    return charging;
  }

  double speedKmh() {
    return speedKmh;
  }

  double odometerM() {
    return Math.floor(odometerM);
  }

  double latitude() {
    return latitude;
  }

  double longitude() {
    return longitude;
  }

  double stateOfChargePercent() {
    return socPercent;
  }

  double batteryTemperatureC() {
    return batteryTempC;
  }

  boolean isMoving() {
    return speedKmh > 0.5;
  }
}
