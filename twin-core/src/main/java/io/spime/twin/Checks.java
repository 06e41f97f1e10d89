package io.spime.twin;

import java.util.Objects;

/** Argument checks shared by the model's records; messages name the argument. */
final class Checks {
  private Checks() {}

  static String text(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  static double nonNegative(double value, String name) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number of 0 or more, was " + value);
    }
    return value;
  }

  static double share(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
    }
    return value;
  }
}
