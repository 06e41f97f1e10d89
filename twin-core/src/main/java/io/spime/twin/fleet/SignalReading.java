package io.spime.twin.fleet;

import io.spime.wire.telemetry.SignalValue;
import java.util.Objects;

/**
 * The latest known value of one signal of a vehicle.
 *
 * @param signalId catalog id of the signal
 * @param timeMillis Unix epoch milliseconds of the sample, on the car's clock
 * @param value the value
 */
public record SignalReading(int signalId, long timeMillis, SignalValue value) {
  public SignalReading {
    Objects.requireNonNull(value, "value");
  }
}
