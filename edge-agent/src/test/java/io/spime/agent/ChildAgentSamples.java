package io.spime.agent;

/** The sample numbering of {@link ChildAgent}: sample n has a unique time and a value derived from n. */
final class ChildAgentSamples {
  static final long T0 = 1_700_000_000_000L;

  private ChildAgentSamples() {}

  static long time(long n) {
    return T0 + n;
  }

  static double value(long n) {
    return n % 100_000;
  }

  static long number(long time) {
    return time - T0;
  }
}
