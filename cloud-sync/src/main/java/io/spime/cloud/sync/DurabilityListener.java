package io.spime.cloud.sync;

import io.spime.wire.telemetry.TelemetryBatch;

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

  /**
   * As {@link #durable(TelemetryBatch, long)}, also telling when the ingest took the message from
   * the broker ({@code receivedMillis}, the earliest copy of the group's): committedMillis minus
   * receivedMillis is the time the message spent in the ingest, queue and transaction. The ingest
   * calls this one; by default it forwards to the other.
   */
  default void durable(TelemetryBatch batch, long receivedMillis, long committedMillis) {
    durable(batch, committedMillis);
  }
}
