package io.spime.twin.event;

import io.spime.twin.battery.BatteryCondition;
import java.util.Objects;

/**
 * The traction battery's condition was measured.
 *
 * @param condition state of health, cycles, capacity
 */
public record BatteryMeasured(BatteryCondition condition) implements TwinEvent {
  public BatteryMeasured {
    Objects.requireNonNull(condition, "condition");
  }
}
