package io.spime.twin.experience;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Agreements whose renewal date (or, without one, end date) falls from {@code today} to {@code today +
 * withinDays} inclusive.
 *
 * @param today the first day of the window, also the day experience is measured up to
 * @param withinDays 0 to 3660
 */
public record RenewalQuery(LocalDate today, int withinDays) {
  /** The longest window: ten years. */
  public static final int MAX_DAYS = 3660;

  public RenewalQuery {
    Objects.requireNonNull(today, "today");
    if (withinDays < 0 || withinDays > MAX_DAYS) {
      throw new IllegalArgumentException("withinDays must be 0 to " + MAX_DAYS + ", was " + withinDays);
    }
  }

  /** The last day of the window. */
  public LocalDate lastDay() {
    return today.plusDays(withinDays);
  }
}
