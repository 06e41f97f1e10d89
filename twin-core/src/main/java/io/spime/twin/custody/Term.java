package io.spime.twin.custody;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The term of a lease or a subscription.
 *
 * @param start first day
 * @param end last day
 * @param renewal the day it renews or must be renewed, if it does
 */
public record Term(LocalDate start, LocalDate end, Optional<LocalDate> renewal) {
  public Term {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(renewal, "renewal");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("term end " + end + " is before its start " + start);
    }
  }

  /** A term without a renewal date. */
  public static Term of(LocalDate start, LocalDate end) {
    return new Term(start, end, Optional.empty());
  }

  /** The same term with a renewal date. */
  public Term withRenewal(LocalDate date) {
    return new Term(start, end, Optional.of(date));
  }
}
