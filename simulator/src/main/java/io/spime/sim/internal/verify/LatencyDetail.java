package io.spime.sim.internal.verify;

import java.util.List;

/**
 * Latency beyond its four totals: percentiles over the run's time, and its distribution (as
 * quantiles, a CDF) in each phase of the scenario.
 *
 * @param overTime percentiles per slice, by when the samples were recorded
 * @param phases the distribution in each phase, in time order
 */
public record LatencyDetail(List<Point> overTime, List<Phase> phases) {
  /** The percentiles a phase's distribution is given at. */
  static final double[] CDF_PERCENTILES = {
    1, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 97.5, 99, 99.5, 99.9, 100
  };

  /** None: a run that measured nothing beyond the totals. */
  public static final LatencyDetail NONE = new LatencyDetail(List.of(), List.of());

  public LatencyDetail {
    overTime = List.copyOf(overTime);
    phases = List.copyOf(phases);
  }

  /**
   * The samples recorded in one slice of the run.
   *
   * @param seconds when the slice starts, since the drive started
   * @param lengthSeconds how long the slice is
   * @param samples samples recorded in it and durable
   */
  public record Point(double seconds, double lengthSeconds, long samples, long p50, long p95,
      long p99, long max) {}

  /**
   * One phase of the scenario (before a broker restart, after it, the drain) and its distribution.
   *
   * @param name what the phase is, in the report's words
   * @param fromSeconds its start, since the drive started
   * @param toSeconds its end
   * @param samples samples recorded in it
   * @param cdf latency at each of {@link #CDF_PERCENTILES}; empty without samples
   */
  public record Phase(String name, double fromSeconds, double toSeconds, long samples,
      List<Quantile> cdf) {
    public Phase {
      cdf = List.copyOf(cdf);
    }
  }

  /** The latency {@code millis} that {@code percentile} % of the samples did not exceed. */
  public record Quantile(double percentile, long millis) {}
}
