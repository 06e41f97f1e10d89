package io.spime.cloud.sync;

import java.util.Map;

/**
 * What the ingest has done since it started.
 *
 * @param received messages taken from the broker
 * @param appliedBatches uplink messages (telemetry, event batches, reports, quarantined) made durable
 * @param appliedSamples samples in the telemetry among them
 * @param duplicateBatches uplink messages already durable, dropped (and acked again)
 * @param gapBatches uplink messages ahead of the next expected seq, dropped for the agent to resend after
 *     they were held for up to a second in case the missing one was still being applied elsewhere
 * @param acksSent acks published
 * @param acksDeferred acks that found the link down or its in-flight window full and were kept to go
 *     out later (one per stream, the newest; a later ack of the stream covers an earlier one)
 * @param rejected refused messages by reason
 * @param carEvents car events stored
 * @param twinEventsAppended twin events the car's messages added to its twin
 * @param twinEventsRefused twin events the twin refused (kept as car events, with the refusal)
 * @param quarantined refused messages kept raw in their place in the stream, so the stream moves on
 * @param samplesDroppedNoConsent samples of a category the car's data subject has not consented to
 * @param statuses online/offline statuses recorded
 */
public record IngestStats(
    long received,
    long appliedBatches,
    long appliedSamples,
    long duplicateBatches,
    long gapBatches,
    long acksSent,
    long acksDeferred,
    Map<RejectReason, Long> rejected,
    long carEvents,
    long twinEventsAppended,
    long twinEventsRefused,
    long quarantined,
    long samplesDroppedNoConsent,
    long statuses) {
  public IngestStats {
    rejected = Map.copyOf(rejected);
  }

  /** Messages refused for any reason. */
  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }
}
