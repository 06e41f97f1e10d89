package io.spime.twin.battery;

import java.time.Instant;
import java.util.Objects;

/**
 * Battery condition at one instant.
 *
 * @param at when measured
 * @param condition the condition
 */
public record BatteryReading(Instant at, BatteryCondition condition) {
  public BatteryReading {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(condition, "condition");
  }
}
