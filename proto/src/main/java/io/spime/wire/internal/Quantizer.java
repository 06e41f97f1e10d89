package io.spime.wire.internal;

import io.spime.wire.catalog.SignalDefinition;

/**
 * Turns values into integer steps of a signal's resolution and back. A decimal resolution such as
 * 0.1 or 0.000001 is applied by dividing by its inverse (10, 1000000), so that a decoded value is
 * the double nearest the decimal (0.3, not 0.30000000000000004).
 */
final class Quantizer {
  /** Largest magnitude of steps: beyond it doubles lose integer precision. */
  static final double MAX_STEPS = 9.007199254740992E15;

  private Quantizer() {}

  /** The nearest whole number of steps, or throws if it is out of the exact range of a double. */
  static long toSteps(SignalDefinition signal, double value) {
    double inverse = inverse(signal.scale());
    double steps = Math.rint(inverse > 0 ? value * inverse : value / signal.scale());
    if (!(Math.abs(steps) <= MAX_STEPS)) {
      throw new IllegalArgumentException(
          signal.path() + " value " + value + " is out of range at resolution " + signal.scale());
    }
    return (long) steps;
  }

  /** The value of a number of steps. */
  static double fromSteps(SignalDefinition signal, long steps) {
    double inverse = inverse(signal.scale());
    return inverse > 0 ? steps / inverse : steps * signal.scale();
  }

  /** The whole number 1 / scale when the scale is one over a whole number below 1, else 0. */
  private static double inverse(double scale) {
    if (scale >= 1) {
      return 0;
    }
    double inverse = Math.rint(1 / scale);
    return Math.abs(inverse * scale - 1) < 1e-12 ? inverse : 0;
  }
}
