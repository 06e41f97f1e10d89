package io.spime.sim.bench;

import io.spime.cloud.sync.DurabilityListener;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.TelemetryBatch;
import org.HdrHistogram.Histogram;

/**
 * The ingest's figures of one phase, told by the service of every durable batch: samples committed
 * while the phase ran, and for the samples recorded in it the time from the sample's time on the car
 * to the commit (the car's batch window, the broker, the ingest's queue and transaction).
 */
final class PhaseMeter implements DurabilityListener {
  private static final long MAX_MILLIS = 3_600_000;
  private Histogram latency = new Histogram(MAX_MILLIS, 3);
  private long from = Long.MAX_VALUE;
  private long until = Long.MAX_VALUE;
  private long committed;

  /** Starts a phase now; what the last one gathered is dropped. */
  synchronized void start(long nowMillis) {
    latency = new Histogram(MAX_MILLIS, 3);
    committed = 0;
    from = nowMillis;
    until = Long.MAX_VALUE;
  }

  /** Ends the phase's window: its samples committed later still count for latency, not for the rate. */
  synchronized void end(long nowMillis) {
    until = nowMillis;
  }

  /** Samples committed in the window. */
  synchronized long committed() {
    return committed;
  }

  synchronized Histogram latency() {
    return latency.copy();
  }

  @Override
  public synchronized void durable(TelemetryBatch batch, long committedMillis) {
    if (committedMillis >= from && committedMillis < until) {
      committed += batch.samples().size();
    }
    for (Sample sample : batch.samples()) {
      long time = sample.timeMillis();
      if (time >= from && time < until) {
        latency.recordValue(Math.max(0, Math.min(MAX_MILLIS, committedMillis - time)));
      }
    }
  }
}
