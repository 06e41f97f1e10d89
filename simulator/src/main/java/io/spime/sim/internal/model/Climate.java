package io.spime.sim.internal.model;

import java.util.Random;

/**
 * The air around one car: a yearly mean of its region, seasons and the course of a day, by the
 * car's simulated calendar. At real time a run sees the temperature of its moment; a {@code
 * lifetime} run, years compressed into minutes, sees the seasons pass.
 */
final class Climate {
  private static final double DAY_S = 86_400;
  private static final double YEAR_S = 365.25 * DAY_S;
  private static final double SEASONAL_SWING_C = 9;
  private static final double DAILY_SWING_C = 4;

  private final double yearlyMeanC;
  private final double seasonPhase;
  private final double dayPhase;
  private double offsetC;

  Climate(Random random) {
    yearlyMeanC = 2 + random.nextDouble() * 20;
    seasonPhase = random.nextDouble() * 2 * Math.PI;
    dayPhase = random.nextDouble() * 2 * Math.PI;
  }

  /** The air temperature after {@code simulatedSeconds} of the car's calendar. */
  double airTemperatureC(double simulatedSeconds) {
    return yearlyMeanC + offsetC
        + SEASONAL_SWING_C * Math.sin(seasonPhase + 2 * Math.PI * simulatedSeconds / YEAR_S)
        + DAILY_SWING_C * Math.sin(dayPhase + 2 * Math.PI * simulatedSeconds / DAY_S);
  }

  /** Continues after a restart from the temperature the car last recorded, at calendar time 0. */
  void resume(double lastAirTemperatureC) {
    offsetC = 0;
    offsetC = lastAirTemperatureC - airTemperatureC(0);
  }
}
