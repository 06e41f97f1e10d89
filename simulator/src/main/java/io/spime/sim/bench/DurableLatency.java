package io.spime.sim.bench;

import io.spime.cloud.sync.DurabilityListener;
import io.spime.sim.internal.verify.NewBatches;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Told of every durable batch by the ingest: per sample recorded in the measured window, the time
 * from the sample's time on the car to the commit, counting each (vin, stream, seq) once, split at
 * the moment the ingest received the batch: record to received (the car's batch window and outbox,
 * the broker) and, per batch, received to durable (the ingest's queue and transaction). Keeps
 * every 64th measured batch so the payload sizes of the run can be encoded afterwards, off the
 * ingest's apply thread.
 */
final class DurableLatency implements DurabilityListener {
  private static final long MAX_TRACKED_MILLIS = 3_600_000;
  private static final int KEEP_EVERY = 64;
  private static final int KEEP_AT_MOST = 2_000;

  private final Histogram latency = new Histogram(MAX_TRACKED_MILLIS, 3);
  private final Histogram toIngest = new Histogram(MAX_TRACKED_MILLIS, 3);
  private final Histogram inIngest = new Histogram(MAX_TRACKED_MILLIS, 3);
  private final Histogram batchSamples = new Histogram(1_000_000, 3);
  private final NewBatches newBatches = new NewBatches();
  private final List<TelemetryBatch> kept = new ArrayList<>();
  private long fromMillis = Long.MAX_VALUE;
  private long untilMillis = Long.MAX_VALUE;
  private long measuredBatches;

  /** Measures samples recorded from now on. */
  synchronized void measureFrom(long millis) {
    fromMillis = millis;
  }

  /** Stops measuring samples recorded after {@code millis}; their batches still arrive. */
  synchronized void measureUntil(long millis) {
    untilMillis = millis;
  }

  @Override
  public void durable(TelemetryBatch batch, long committedMillis) {
    durable(batch, committedMillis, committedMillis);
  }

  @Override
  public synchronized void durable(TelemetryBatch batch, long receivedMillis, long committedMillis) {
    if (!newBatches.isNew(batch)) {
      return;
    }
    long first = batch.samples().get(0).timeMillis();
    if (first >= fromMillis && first < untilMillis) {
      batchSamples.recordValue(Math.min(batch.samples().size(), 1_000_000));
      inIngest.recordValue(clamp(committedMillis - receivedMillis));
      if (measuredBatches++ % KEEP_EVERY == 0 && kept.size() < KEEP_AT_MOST) {
        kept.add(batch);
      }
    }
    for (Sample sample : batch.samples()) {
      long time = sample.timeMillis();
      if (time >= fromMillis && time < untilMillis) {
        latency.recordValue(clamp(committedMillis - time));
        toIngest.recordValue(clamp(receivedMillis - time));
      }
    }
  }

  private static long clamp(long millis) {
    return Math.max(0, Math.min(millis, MAX_TRACKED_MILLIS));
  }

  /** Record to durable, per sample. */
  synchronized Latencies latencies() {
    return of(latency);
  }

  /** Record to received by the ingest, per sample. */
  synchronized Latencies toIngest() {
    return of(toIngest);
  }

  /** Received by the ingest to durable, per batch. */
  synchronized Latencies inIngest() {
    return of(inIngest);
  }

  private static Latencies of(Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return new Latencies(0, 0, 0, 0, 0);
    }
    return new Latencies(histogram.getTotalCount(), histogram.getValueAtPercentile(50),
        histogram.getValueAtPercentile(95), histogram.getValueAtPercentile(99), histogram.getMaxValue());
  }

  /** The median number of samples in the measured batches; 0 when none arrived. */
  synchronized long medianSamplesPerBatch() {
    return batchSamples.getTotalCount() == 0 ? 0 : batchSamples.getValueAtPercentile(50);
  }

  /** Payload sizes of the kept batches, encoded again with the wire codec, sorted. */
  List<Integer> payloadSizes(TelemetryCodec codec) {
    List<TelemetryBatch> batches;
    synchronized (this) {
      batches = List.copyOf(kept);
    }
    List<Integer> sizes = new ArrayList<>(batches.size());
    for (TelemetryBatch batch : batches) {
      sizes.add(codec.encode(batch).length);
    }
    sizes.sort(null);
    return sizes;
  }
}
