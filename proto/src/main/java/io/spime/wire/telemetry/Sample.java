package io.spime.wire.telemetry;

import java.util.Objects;

/**
 * One value of one signal at one instant.
 *
 * @param signalId catalog id of the signal
 * @param timeMillis Unix epoch milliseconds on the car's clock
 * @param value the value
 */
public record Sample(int signalId, long timeMillis, SignalValue value) {
  public Sample {
    if (signalId < 1) {
      throw new IllegalArgumentException("signalId must be 1 or more, was " + signalId);
    }
    Objects.requireNonNull(value, "value");
  }
}
