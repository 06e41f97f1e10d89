package io.spime.twin.fleet;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One UTC day of a trend signal.
 *
 * @param signalId catalog id
 * @param day the UTC day
 * @param min smallest value
 * @param max largest value
 * @param mean mean of the values
 * @param count number of samples
 */
public record DailyRollup(int signalId, LocalDate day, double min, double max, double mean, long count) {
  public DailyRollup {
    Objects.requireNonNull(day, "day");
  }
}
