package io.spime.sim.bench.capacity;

import io.spime.cloud.sync.DurabilityListener;
import io.spime.cloud.sync.TransactionListener;
import io.spime.wire.telemetry.TelemetryBatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Told by the ingest of every durable batch and every store transaction: per batch, the time from
 * the ingest taking it from the broker to its commit; per transaction, its duration and size; and
 * how long the apply thread spent in the store in all. {@link #reset} starts the measured window.
 */
final class IngestTimings implements DurabilityListener, TransactionListener {
  private static final long MAX_MILLIS = 3_600_000;

  private final Recorder receivedToDurable = new Recorder(MAX_MILLIS, 3);
  private final Recorder transactionMicros = new Recorder(3);
  private final AtomicLong transactions = new AtomicLong();
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong busyNanos = new AtomicLong();

  @Override
  public void durable(TelemetryBatch batch, long committedMillis) {
    durable(batch, committedMillis, committedMillis);
  }

  @Override
  public void durable(TelemetryBatch batch, long receivedMillis, long committedMillis) {
    receivedToDurable.recordValue(Math.max(0, Math.min(MAX_MILLIS, committedMillis - receivedMillis)));
  }

  @Override
  public void transaction(int messages, long nanos, boolean committed) {
    transactionMicros.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
    transactions.incrementAndGet();
    this.messages.addAndGet(messages);
    busyNanos.addAndGet(nanos);
  }

  /** Starts the measured window: the spreads count from now on. */
  void reset() {
    receivedToDurable.reset();
    transactionMicros.reset();
  }

  /** Received to durable per batch, in milliseconds, since {@link #reset}. */
  Histogram receivedToDurable() {
    return receivedToDurable.getIntervalHistogram();
  }

  /** Store transaction times in microseconds, since {@link #reset}. */
  Histogram transactionMicros() {
    return transactionMicros.getIntervalHistogram();
  }

  long transactions() {
    return transactions.get();
  }

  long messages() {
    return messages.get();
  }

  long busyNanos() {
    return busyNanos.get();
  }
}
