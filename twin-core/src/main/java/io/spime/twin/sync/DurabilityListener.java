package io.spime.twin.sync;

import io.spime.wire.TelemetryBatch;

/**
 * Told when telemetry became durable in the store, right after the commit and before the ack: for
 * latency measurement and monitoring. Called on the ingest's apply thread: return quickly, never
 * throw.
 */
@FunctionalInterface
public interface DurabilityListener {
  /**
   * {@code batch} is durable: a transaction that committed at {@code committedMillis} applied it, or
   * found it applied before (a re-sent duplicate). A listener that counts must skip a (vin, stream,
   * seq) it has seen.
   */
  void durable(TelemetryBatch batch, long committedMillis);
}
