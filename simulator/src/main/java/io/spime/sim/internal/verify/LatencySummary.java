package io.spime.sim.internal.verify;

/**
 * Record-to-durable latency percentiles in milliseconds, over {@code samples} samples.
 */
public record LatencySummary(long samples, long p50, long p95, long p99, long max) {
  public static LatencySummary of(LatencyRecorder recorder) {
    return new LatencySummary(recorder.count(), recorder.percentile(50), recorder.percentile(95),
        recorder.percentile(99), recorder.percentile(100));
  }
}
