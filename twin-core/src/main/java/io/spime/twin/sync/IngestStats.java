package io.spime.twin.sync;

import java.util.Map;

/**
 * What the ingest has done since it started.
 *
 * @param received messages taken from the broker
 * @param appliedBatches telemetry batches made durable in the store
 * @param appliedSamples samples in those batches
 * @param duplicateBatches batches already durable, dropped (and acked again)
 * @param gapBatches batches ahead of the next expected seq, dropped for the agent to resend
 * @param acksSent acks published
 * @param rejected refused messages by reason
 */
public record IngestStats(
    long received,
    long appliedBatches,
    long appliedSamples,
    long duplicateBatches,
    long gapBatches,
    long acksSent,
    Map<RejectReason, Long> rejected) {
  public IngestStats {
    rejected = Map.copyOf(rejected);
  }

  /** Messages refused for any reason. */
  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }
}
