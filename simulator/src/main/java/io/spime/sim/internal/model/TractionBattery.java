package io.spime.sim.internal.model;

import io.spime.wire.telemetry.SignalValue;
import java.util.Map;
import java.util.Random;

/**
 * A car's traction battery: charge, temperature, power, the energy it took and gave over its life,
 * and its state of health. Driving draws more per kilometre the faster the car goes and warms the
 * battery; a charging session (11, 50 or 150 kW, slower above 80 %) fills it and warms it more;
 * idle, it settles to the air temperature. Health falls with calendar time (faster when hot: twice
 * as fast every 10 °C above 25 °C) and with every full cycle of energy charged; the usable capacity
 * follows it.
 */
public final class TractionBattery {
  public static final double NOMINAL_KWH = 64;
  /** What a car of this kind uses per kilometre on average, in kWh. */
  static final double TYPICAL_KWH_PER_KM = 0.16;
  private static final double YEAR_S = 365.25 * 86_400;
  private static final double AUXILIARY_KW = 0.5;
  private static final double[] CHARGER_KW = {11, 50, 150};
  private static final double HEATING_TIME_S = 40;
  private static final double COOLING_TIME_S = 300;
  private static final double LOWEST_HEALTH = 50;

  private final Random random;
  private final double calendarFadePerYear;
  private final double fadePerCycle;
  private double socPercent;
  private double temperatureC;
  private double healthPercent;
  private double chargedKwh;
  private double consumedKwh;
  private double powerW;
  private double chargerKw;

  /**
   * A battery that has served {@code kilometres} over {@code years}, its temperature near the air's.
   */
  TractionBattery(Random random, double kilometres, double years, double airC) {
    this.random = random;
    calendarFadePerYear = 0.8 + random.nextDouble() * 0.6;
    fadePerCycle = 0.015 + random.nextDouble() * 0.01;
    socPercent = 40 + random.nextDouble() * 55;
    temperatureC = airC + random.nextDouble() * 4;
    consumedKwh = kilometres * TYPICAL_KWH_PER_KM;
    chargedKwh = consumedKwh;
    healthPercent = Math.max(LOWEST_HEALTH, Math.min(100, 100 + random.nextDouble() * 0.8
        - calendarFadePerYear * years - fadePerCycle * chargedKwh / NOMINAL_KWH));
  }

  /** Continues from the values the car last recorded. */
  void resume(Map<String, SignalValue> last) {
    socPercent = number(last, CarSignals.SOC, socPercent);
    temperatureC = number(last, CarSignals.BATTERY_TEMP, temperatureC);
    healthPercent = number(last, CarSignals.STATE_OF_HEALTH, healthPercent);
    chargedKwh = number(last, CarSignals.CHARGED_ENERGY, chargedKwh);
    consumedKwh = number(last, CarSignals.CONSUMED_ENERGY, consumedKwh);
  }

  private static double number(Map<String, SignalValue> last, String path, double fallback) {
    return last.get(path) instanceof SignalValue.Number number ? number.value() : fallback;
  }

  /** Drives {@code metres} in {@code seconds} at {@code speedKmh}. */
  void drive(double seconds, double metres, double speedKmh, double airC) {
    if (seconds <= 0) {
      return;
    }
    double kwhPerKm = 0.12 + 0.000006 * speedKmh * speedKmh;
    double kwh = metres / 1000 * kwhPerKm + AUXILIARY_KW * seconds / 3600;
    powerW = -kwh * 3_600_000 / seconds;
    socPercent = Math.max(0, socPercent - kwh / usableKwh() * 100);
    consumedKwh += kwh;
    double ratio = speedKmh / 130;
    settle(seconds, airC + 4 + 16 * ratio * ratio, HEATING_TIME_S);
  }

  /** Stands parked for {@code seconds}: charges if plugged in, else cools. */
  void park(double seconds, double airC) {
    if (chargerKw <= 0) {
      powerW = 0;
      settle(seconds, airC, COOLING_TIME_S);
      return;
    }
    double kw = chargerKw * Math.max(0.1, Math.min(1, (100 - socPercent) / 20));
    double kwh = kw * seconds / 3600;
    powerW = kw * 1000;
    socPercent = Math.min(100, socPercent + kwh / usableKwh() * 100);
    charged(kwh);
    settle(seconds, airC + 6 + 24 * kw / 150, HEATING_TIME_S);
    if (socPercent >= 100) {
      stopCharging();
    }
  }

  /** Plugs in at a charger of 11, 50 or 150 kW. */
  void startCharging() {
    chargerKw = CHARGER_KW[random.nextInt(CHARGER_KW.length)];
  }

  void stopCharging() {
    chargerKw = 0;
  }

  /** Ages by {@code simulatedSeconds} of calendar time at the battery's temperature. */
  void age(double simulatedSeconds) {
    double heat = Math.pow(2, (temperatureC - 25) / 10);
    healthPercent = Math.max(LOWEST_HEALTH,
        healthPercent - calendarFadePerYear * heat * simulatedSeconds / YEAR_S);
  }

  /**
   * Energy used and charged back off the simulated trips (the kilometres of an accelerated life
   * between the trips that are driven): it counts and wears, the charge is where it was.
   */
  void usedBetweenTrips(double kilometres) {
    double kwh = kilometres * TYPICAL_KWH_PER_KM;
    consumedKwh += kwh;
    charged(kwh);
  }

  private void charged(double kwh) {
    chargedKwh += kwh;
    healthPercent = Math.max(LOWEST_HEALTH, healthPercent - fadePerCycle * kwh / NOMINAL_KWH);
  }

  private void settle(double seconds, double targetC, double timeConstantS) {
    temperatureC += (targetC - temperatureC) * Math.min(1, seconds / timeConstantS);
  }

  private double usableKwh() {
    return NOMINAL_KWH * healthPercent / 100;
  }

  boolean isCharging() {
    return chargerKw > 0;
  }

  public double stateOfChargePercent() {
    return socPercent;
  }

  public double temperatureC() {
    return temperatureC;
  }

  public double stateOfHealthPercent() {
    return healthPercent;
  }

  /** The usable capacity in whole kWh: the nominal one times the state of health. */
  public long netCapacityKwh() {
    return Math.round(usableKwh());
  }

  /** Into the battery positive (charging), out of it negative (driving). */
  public double powerW() {
    return powerW;
  }

  public double chargedKwh() {
    return chargedKwh;
  }

  public double consumedKwh() {
    return consumedKwh;
  }
}
