package io.spime.sim.bench.capacity;

import org.HdrHistogram.Histogram;

/**
 * A distribution of the measured window.
 *
 * @param count values measured
 * @param p50 median
 * @param p99 99th percentile
 * @param max the largest
 */
public record Spread(long count, double p50, double p99, double max) {
  /** The spread of {@code histogram}, each value divided by {@code unit}. */
  static Spread of(Histogram histogram, double unit) {
    if (histogram.getTotalCount() == 0) {
      return new Spread(0, 0, 0, 0);
    }
    return new Spread(histogram.getTotalCount(), histogram.getValueAtPercentile(50) / unit,
        histogram.getValueAtPercentile(99) / unit, histogram.getMaxValue() / unit);
  }
}
