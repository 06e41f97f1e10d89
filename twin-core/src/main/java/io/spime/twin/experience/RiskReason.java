package io.spime.twin.experience;

import java.util.Objects;

/**
 * One reason of a renewal risk: a signal, how much of it the customer met, and the points it adds.
 *
 * @param signal what was measured
 * @param value how much (codes, days, touchpoints; see {@link Signal})
 * @param weight points per unit
 * @param points what the reason adds to the score ({@code value * weight}, capped where documented)
 */
public record RiskReason(Signal signal, long value, int weight, long points) {
  public RiskReason {
    Objects.requireNonNull(signal, "signal");
    if (value < 0 || weight < 0 || points < 0) {
      throw new IllegalArgumentException("a risk reason counts up from 0: value " + value + ", weight " + weight
          + ", points " + points);
    }
  }
}
