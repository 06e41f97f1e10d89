package io.spime.sim.internal;

import io.spime.twin.sync.DurabilityListener;
import io.spime.wire.Sample;
import io.spime.wire.TelemetryBatch;
import org.HdrHistogram.Histogram;

/**
 * Latency from {@code record} on the car (the sample's time) to durable in the twin store (the
 * commit), per sample, counting each (vin, stream, seq) once.
 */
final class LatencyRecorder implements DurabilityListener {
  private static final long MAX_TRACKED_MILLIS = 3_600_000;

  private final Histogram histogram = new Histogram(MAX_TRACKED_MILLIS, 3);
  private final NewBatches newBatches = new NewBatches();

  @Override
  public synchronized void durable(TelemetryBatch batch, long committedMillis) {
    if (!newBatches.isNew(batch)) {
      return;
    }
    for (Sample sample : batch.samples()) {
      long latency = committedMillis - sample.timeMillis();
      histogram.recordValue(Math.max(0, Math.min(latency, MAX_TRACKED_MILLIS)));
    }
  }

  /** The latency at this percentile (0-100), in milliseconds; 0 when nothing was recorded. */
  synchronized long percentile(double percentile) {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile);
  }

  synchronized long count() {
    return histogram.getTotalCount();
  }
}
