package io.spime.sim.internal;

import java.util.Random;

/**
 * A plausible battery-electric car on a trip: speed that seeks changing targets with bounded
 * acceleration, odometer and position from the speed, state of charge falling with distance, a
 * battery warming while driving. Deterministic for a seed.
 */
final class CarModel {
  private static final double[] TARGET_SPEEDS_KMH = {0, 30, 50, 80, 110, 130};
  private static final double MAX_ACCEL_KMH_PER_S = 10.8;
  private static final double KWH_PER_KM = 0.16;
  private static final double BATTERY_KWH = 64;
  private static final double METRES_PER_DEGREE = 111_320;

  private final Random random;
  private double speedKmh;
  private double targetKmh;
  private double secondsToNewTarget;
  private double odometerM;
  private double latitude;
  private double longitude;
  private final double headingRad;
  private double socPercent;
  private double batteryTempC;

  CarModel(long seed) {
    random = new Random(seed);
    odometerM = 5_000 + random.nextInt(150_000_000) / 1_000.0 * 1_000;
    latitude = 48.0 + random.nextDouble() * 5;
    longitude = 8.0 + random.nextDouble() * 5;
    headingRad = random.nextDouble() * 2 * Math.PI;
    socPercent = 40 + random.nextDouble() * 55;
    batteryTempC = 15 + random.nextDouble() * 10;
  }

  /** Advances the car by {@code seconds}. */
  void advance(double seconds) {
    secondsToNewTarget -= seconds;
    if (secondsToNewTarget <= 0) {
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
