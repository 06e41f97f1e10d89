package io.spime.wire.state;

import io.spime.wire.Priority;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one signal is collected: the mode, its deadband or minimum interval, and the priority its
 * samples travel at (the catalog's default when empty).
 *
 * @param mode how samples are kept
 * @param deadband for {@link CollectionMode#ON_CHANGE}: change needed to keep a number (0: any change)
 * @param minInterval for {@link CollectionMode#PERIODIC}: shortest time between kept samples
 * @param priority the priority of the signal's samples; empty for the catalog's default
 */
public record SignalRule(
    CollectionMode mode, double deadband, Duration minInterval, Optional<Priority> priority) {
  public SignalRule {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(minInterval, "minInterval");
    Objects.requireNonNull(priority, "priority");
    if (!(deadband >= 0) || Double.isInfinite(deadband)) {
      throw new IllegalArgumentException("deadband must be 0 or a positive number, was " + deadband);
    }
    if (minInterval.isNegative()) {
      throw new IllegalArgumentException("minInterval must not be negative, was " + minInterval);
    }
  }

  /** Keep every sample. */
  public static SignalRule everySample() {
    return new SignalRule(CollectionMode.EVERY_SAMPLE, 0, Duration.ZERO, Optional.empty());
  }

  /** Keep a sample when it moved by more than {@code deadband} (any change of a text or boolean). */
  public static SignalRule onChange(double deadband) {
    return new SignalRule(CollectionMode.ON_CHANGE, deadband, Duration.ZERO, Optional.empty());
  }

  /** Keep at most one sample per {@code minInterval}. */
  public static SignalRule periodic(Duration minInterval) {
    return new SignalRule(CollectionMode.PERIODIC, 0, minInterval, Optional.empty());
  }

  /** Collect nothing. */
  public static SignalRule off() {
    return new SignalRule(CollectionMode.OFF, 0, Duration.ZERO, Optional.empty());
  }

  /** This rule with the given priority. */
  public SignalRule withPriority(Priority newPriority) {
    return new SignalRule(mode, deadband, minInterval, Optional.of(newPriority));
  }
}
