package io.spime.twin.battery;

import io.spime.twin.internal.Checks;

/**
 * Condition of the traction battery.
 *
 * @param stateOfHealthPercent 0 to 100 (new batteries may read slightly above 100, up to 120)
 * @param fullCycles equivalent full charge cycles so far
 * @param remainingCapacityKwh usable capacity now
 */
public record BatteryCondition(double stateOfHealthPercent, long fullCycles, double remainingCapacityKwh) {
  public BatteryCondition {
    if (!(stateOfHealthPercent >= 0 && stateOfHealthPercent <= 120)) {
      throw new IllegalArgumentException(
          "stateOfHealthPercent must be between 0 and 120, was " + stateOfHealthPercent);
    }
    if (fullCycles < 0) {
      throw new IllegalArgumentException("fullCycles must be 0 or more, was " + fullCycles);
    }
    Checks.nonNegative(remainingCapacityKwh, "remainingCapacityKwh");
  }
}
