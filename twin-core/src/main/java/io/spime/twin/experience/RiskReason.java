package io.spime.twin.experience;

import java.util.List;
import java.util.Objects;

/**
 * One reason of a renewal risk: a signal, how much of it the customer met, the points it adds, and what
 * it counted, by name where it can be named.
 *
 * @param signal what was measured
 * @param value how much (codes, days, touchpoints; see {@link Signal})
 * @param weight points per unit
 * @param points what the reason adds to the score ({@code value * weight}, capped where documented)
 * @param details what was counted, where it has names: for {@link Signal#REPEATED_DTC} each code and how
 *     often it was raised ({@code "P0AA6 raised 2 times"}), for {@link Signal#LONG_OPEN_DTC} each code and
 *     how long it has been open ({@code "P0C78 open 41 days"}); empty for the other signals
 */
public record RiskReason(Signal signal, long value, int weight, long points, List<String> details) {
  public RiskReason {
    Objects.requireNonNull(signal, "signal");
    details = List.copyOf(details);
    if (value < 0 || weight < 0 || points < 0) {
      throw new IllegalArgumentException("a risk reason counts up from 0: value " + value + ", weight " + weight
          + ", points " + points);
    }
  }

  /** A reason whose units have no names. */
  public RiskReason(Signal signal, long value, int weight, long points) {
    this(signal, value, weight, points, List.of());
  }
}
