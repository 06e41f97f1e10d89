package io.spime.sim.internal.verify;

import io.spime.cloud.sync.DurabilityListener;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.TelemetryBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Latency from {@code record} on the car (the sample's time) to durable in the twin store (the
 * commit), per sample, counting each (vin, stream, seq) once: in total, and per slice of the run by
 * when the sample was recorded, so the report can draw it over time and per phase.
 */
public final class LatencyRecorder implements DurabilityListener {
  private static final long MAX_TRACKED_MILLIS = 3_600_000;
  /** Slices kept at most; a long run gets longer slices, so memory stays bounded (~8 KB a slice). */
  private static final int MAX_SLICES = 720;

  private final Histogram histogram = new Histogram(MAX_TRACKED_MILLIS, 3);
  private final Map<Long, IntCountsHistogram> slices = new TreeMap<>();
  private final NewBatches newBatches = new NewBatches();
  private long startMillis;
  private final long sliceMillis;

  /** A recorder whose total only matters: slices of a second from now. */
  public LatencyRecorder() {
    this(System.currentTimeMillis(), Duration.ofSeconds(1));
  }

  /**
   * @param startMillis when the run's clock starts (epoch milliseconds)
   * @param expected how long the run should last: it sets the slice length, 1 s or more, so that
   *     there are at most about {@value #MAX_SLICES} of them
   */
  public LatencyRecorder(long startMillis, Duration expected) {
    this.startMillis = startMillis;
    long seconds = Math.max(1, (expected.toMillis() / MAX_SLICES + 999) / 1000);
    this.sliceMillis = seconds * 1000;
  }

  /** Starts the run's clock now (the drive's start): slices count from here. */
  public synchronized void startAt(long epochMillis) {
    this.startMillis = epochMillis;
  }

  @Override
  public synchronized void durable(TelemetryBatch batch, long committedMillis) {
    if (!newBatches.isNew(batch)) {
      return;
    }
    for (Sample sample : batch.samples()) {
      long latency = Math.max(0, Math.min(committedMillis - sample.timeMillis(), MAX_TRACKED_MILLIS));
      histogram.recordValue(latency);
      long slice = Math.max(0, sample.timeMillis() - startMillis) / sliceMillis;
      if (slices.size() < MAX_SLICES * 2 || slices.containsKey(slice)) {
        slices.computeIfAbsent(slice, key -> new IntCountsHistogram(MAX_TRACKED_MILLIS, 2))
            .recordValue(latency);
      }
    }
  }

  /** The latency at this percentile (0-100), in milliseconds; 0 when nothing was recorded. */
  synchronized long percentile(double percentile) {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile);
  }

  synchronized long count() {
    return histogram.getTotalCount();
  }

  /** Percentiles per slice of the run, by when the samples were recorded. */
  public synchronized List<LatencyDetail.Point> overTime() {
    List<LatencyDetail.Point> points = new ArrayList<>();
    slices.forEach((slice, counts) -> points.add(new LatencyDetail.Point(
        slice * sliceMillis / 1000.0, sliceMillis / 1000.0, counts.getTotalCount(),
        counts.getValueAtPercentile(50), counts.getValueAtPercentile(95),
        counts.getValueAtPercentile(99), counts.getMaxValue())));
    return points;
  }

  /**
   * The distribution of the samples recorded from {@code fromSeconds} (inclusive) to {@code
   * toSeconds} (exclusive) of the run, to the slice.
   */
  public synchronized LatencyDetail.Phase phase(String name, double fromSeconds, double toSeconds) {
    Histogram merged = new Histogram(MAX_TRACKED_MILLIS, 2);
    slices.forEach((slice, counts) -> {
      double at = slice * sliceMillis / 1000.0;
      if (at >= fromSeconds && at < toSeconds) {
        merged.add(counts);
      }
    });
    List<LatencyDetail.Quantile> cdf = new ArrayList<>();
    if (merged.getTotalCount() > 0) {
      for (double percentile : LatencyDetail.CDF_PERCENTILES) {
        cdf.add(new LatencyDetail.Quantile(percentile, merged.getValueAtPercentile(percentile)));
      }
    }
    return new LatencyDetail.Phase(name, fromSeconds, toSeconds, merged.getTotalCount(), cdf);
  }
}
