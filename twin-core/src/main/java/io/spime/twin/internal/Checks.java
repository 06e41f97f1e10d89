package io.spime.twin.internal;

import java.util.Objects;

/** Argument checks shared by the model's records; messages name the argument. */
public final class Checks {
  private Checks() {}

  public static String text(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  public static double nonNegative(double value, String name) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number of 0 or more, was " + value);
    }
    return value;
  }

  public static double share(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
    }
    return value;
  }

  /** A page size or other limit of results, which must be 1 or more. */
  public static int limit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
    }
    return limit;
  }
}
