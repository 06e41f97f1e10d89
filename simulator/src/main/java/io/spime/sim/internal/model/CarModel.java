package io.spime.sim.internal.model;

import io.spime.sim.internal.scenario.ScenarioSpec;
import io.spime.wire.telemetry.SignalValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A plausible battery-electric car: trips and parked spells of the scenario's lengths (one car in
 * four is parked when the run starts, the others start a trip). On a trip its speed seeks changing
 * targets with bounded acceleration; odometer and position follow the speed, and its {@link
 * TractionBattery} gives the energy and warms. Parked, the battery cools and, when its charge is
 * below 60 %, charges. The air follows the car's {@link Climate}; its {@link Diagnostics} set and
 * clear trouble codes. Deterministic for a seed.
 *
 * <p>The car's calendar runs at real time, except in the {@code lifetime} scenario: there the car's
 * whole life ({@value #LIFETIME_YEARS} years, as the back office plays it) passes during the drive.
 * The battery ages by that calendar, and the kilometres of the years between the trips driven (a
 * typical {@code 10,000} to {@code 20,000} a year) count on the odometer and wear the battery. The
 * {@code renewal} scenario's calendar runs the same way over a lease's {@value #LEASE_YEARS} years.
 *
 * <p>Cars raise trouble codes only in scenarios whose back office leaves the twin alone while they
 * drive ({@code commute}, {@code outages}): a twin appends events in the order they happened and
 * refuses one older than its latest, so a code raised a moment before the back office changed the
 * twin (a rental desk assigning a driver, the lifetime's or the lease's back-dated history) would be
 * refused.
 *
 * <p>After its telematics unit restarts (a killed agent process), {@link #resume} carries on from the
 * values the car last recorded and the codes it had open.
 */
public final class CarModel {
  /** The years a car of the {@code lifetime} scenario lives during the drive. */
  public static final int LIFETIME_YEARS = 12;
  /** The years a car of the {@code renewal} scenario is leased during the drive. */
  public static final int LEASE_YEARS = 3;
  private static final double YEAR_S = 365.25 * 86_400;
  private static final double[] TARGET_SPEEDS_KMH = {0, 30, 50, 80, 110, 130};
  private static final double MAX_ACCEL_KMH_PER_S = 10.8;
  private static final double METRES_PER_DEGREE = 111_320;
  private static final double CHARGE_BELOW_PERCENT = 60;
  /** One car in this many is parked when the run starts (and charging if its charge is low). */
  private static final int PARKED_AT_START_ONE_IN = 4;

  private final Random random;
  private final ScenarioSpec scenario;
  private final double calendarScale;
  private final double kilometresPerYear;
  private final Climate climate;
  private final TractionBattery battery;
  private final Diagnostics diagnostics;
  private boolean driving = true;
  private double secondsLeftInPhase;
  private double speedKmh;
  private double targetKmh;
  private double secondsToNewTarget;
  private double odometerM;
  private double latitude;
  private double longitude;
  private final double headingRad;
  private double calendarS;

  /** The model seed of car {@code index} of a run, after {@code restarts} restarts of its process. */
  public static long seedFor(long runSeed, int index, int restarts) {
    return runSeed * 31 + index + restarts * 0x9E37_79B9_7F4A_7C15L;
  }

  /**
   * Simulated calendar seconds per second driven: 1, or in the {@code lifetime} scenario the car's
   * whole life over the {@code drive}, in the {@code renewal} scenario the lease's years.
   */
  static double calendarScale(ScenarioSpec scenario, Duration drive) {
    int years = backDatedYears(scenario);
    if (years == 0) {
      return 1;
    }
    return Math.max(1, years * YEAR_S / (drive.toMillis() / 1000.0));
  }

  /** Whether the scenario's cars raise trouble codes: all but those whose office back-dates history. */
  static boolean raisesTroubleCodes(ScenarioSpec scenario) {
    return backDatedYears(scenario) == 0;
  }

  /** The years of history the scenario's back office writes back-dated during the drive; 0 for none. */
  private static int backDatedYears(ScenarioSpec scenario) {
    return switch (scenario.office()) {
      case LIFETIME -> LIFETIME_YEARS;
      case RENEWAL -> LEASE_YEARS;
      default -> 0;
    };
  }

  /** A car that drives the scenario for {@code drive} (the run's duration). */
  public CarModel(long seed, ScenarioSpec scenario, Duration drive) {
    random = new Random(seed);
    this.scenario = scenario;
    calendarScale = calendarScale(scenario, drive);
    boolean lifetime = calendarScale > 1;
    secondsLeftInPhase = pick(scenario.trip());
    odometerM = lifetime ? 5_000 + random.nextInt(45_000)
        : 5_000 + random.nextInt(150_000_000) / 1_000.0 * 1_000;
    latitude = 48.0 + random.nextDouble() * 5;
    longitude = 8.0 + random.nextDouble() * 5;
    headingRad = random.nextDouble() * 2 * Math.PI;
    kilometresPerYear = 10_000 + random.nextInt(10_000);
    climate = new Climate(random);
    double kilometres = odometerM / 1000;
    double years = lifetime ? 0 : Math.min(15, kilometres / kilometresPerYear);
    battery = new TractionBattery(random, kilometres, years, climate.airTemperatureC(0));
    diagnostics =
        new Diagnostics(new Random(seed ^ 0x0D1A_6005_7C0DL), raisesTroubleCodes(scenario));
    if (random.nextInt(PARKED_AT_START_ONE_IN) == 0) {
      driving = false;
      secondsLeftInPhase = pick(scenario.parked());
      if (battery.stateOfChargePercent() < CHARGE_BELOW_PERCENT) {
        battery.startCharging();
      }
    } else {
      diagnostics.tripStarted();
    }
  }

  /**
   * Continues from the last recorded values — odometer, position, battery (charge, temperature,
   * health, energies), air temperature, 12 V and tyres, speed and whether it was charging — and the
   * trouble codes still open. The car was driving if it was moving; the rest of its trip or parked
   * spell, its heading, its later speed targets and when its open codes clear come from this
   * model's seed.
   */
  public void resume(Map<String, SignalValue> last, Set<TroubleCode> open) {
    odometerM = number(last, CarSignals.ODOMETER, odometerM);
    latitude = number(last, CarSignals.LATITUDE, latitude);
    longitude = number(last, CarSignals.LONGITUDE, longitude);
    battery.resume(last);
    climate.resume(number(last, CarSignals.AIR_TEMP, climate.airTemperatureC(0)));
    diagnostics.resume(open, last);
    speedKmh = number(last, CarSignals.SPEED, 0);
    targetKmh = speedKmh;
    driving = speedKmh > 0.5 || last.get(CarSignals.MOVING) instanceof SignalValue.Bool moving
        && moving.value();
    battery.stopCharging();
    if (!driving && last.get(CarSignals.CHARGING) instanceof SignalValue.Bool plugged
        && plugged.value()) {
      battery.startCharging();
    }
    secondsLeftInPhase = pick(driving ? scenario.trip() : scenario.parked());
  }

  private static double number(Map<String, SignalValue> last, String path, double fallback) {
    return last.get(path) instanceof SignalValue.Number number ? number.value() : fallback;
  }

  /** Advances the car by {@code seconds}. */
  public void advance(double seconds) {
    secondsLeftInPhase -= seconds;
    if (secondsLeftInPhase <= 0 && (!driving || speedKmh < 0.5)) {
      driving = !driving;
      secondsLeftInPhase = pick(driving ? scenario.trip() : scenario.parked());
      if (driving) {
        battery.stopCharging();
        diagnostics.tripStarted();
      } else {
        if (battery.stateOfChargePercent() < CHARGE_BELOW_PERCENT) {
          battery.startCharging();
        }
        diagnostics.parked();
      }
    }
    calendarS += seconds * calendarScale;
    double airC = climate.airTemperatureC(calendarS);
    if (driving) {
      move(seconds, airC);
    } else {
      speedKmh = 0;
      battery.park(seconds, airC);
    }
    double kilometresBetweenTrips = (calendarScale - 1) * seconds * kilometresPerYear / YEAR_S;
    if (kilometresBetweenTrips > 0) {
      odometerM += kilometresBetweenTrips * 1000;
      battery.usedBetweenTrips(kilometresBetweenTrips);
    }
    battery.age(seconds * calendarScale);
    diagnostics.advance(seconds, driving, battery.temperatureC());
  }

  private void move(double seconds, double airC) {
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
    battery.drive(seconds, metres, speedKmh, airC);
  }

  private double pick(ScenarioSpec.Range range) {
    double min = range.min().toMillis() / 1000.0;
    double max = range.max().toMillis() / 1000.0;
    return min + random.nextDouble() * (max - min);
  }

  /** The trouble codes set and cleared since the last call, in order. */
  public List<Diagnostics.Change> takeTroubleCodeChanges() {
    return diagnostics.takeChanges();
  }

  public Set<TroubleCode> openTroubleCodes() {
    return diagnostics.open();
  }

  public boolean isDriving() {
    return driving;
  }

  public boolean isCharging() {
    return battery.isCharging();
  }

  public double speedKmh() {
    return speedKmh;
  }

  public double odometerM() {
    return Math.floor(odometerM);
  }

  public double latitude() {
    return latitude;
  }

  public double longitude() {
    return longitude;
  }

  public double airTemperatureC() {
    return climate.airTemperatureC(calendarS);
  }

  public TractionBattery battery() {
    return battery;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /** Simulated calendar time since the model started, in seconds. */
  double calendarSeconds() {
    return calendarS;
  }

  public boolean isMoving() {
    return speedKmh > 0.5;
  }
}
