package io.spime.agent;

import io.spime.wire.Priority;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of what an agent did since it started (counters) and where it stands now (gauges).
 *
 * @param acceptedSamples samples {@code record} kept (durable as documented in docs/edge-agent.md)
 * @param refusals samples {@code record} did not keep, by reason (never stored, never sent)
 * @param recoveredSamples samples found in the journal at start and sealed then
 * @param batchesSealed telemetry batches written to the outbox
 * @param eventsRaised events {@code raise} accepted
 * @param eventsRefused events {@code raise} refused (no consent, or no room left for their priority)
 * @param messagesSent uplink messages the broker acknowledged (PUBACK), resends included
 * @param messagesResent publishes of a sequence number that had been published before
 * @param evictedSamples samples of older outbox rows evicted to make room, by priority
 * @param evictedBatches outbox rows evicted to make room
 * @param ackedSeq highest sequence acknowledged (by the cloud, or the broker in broker ack mode)
 * @param streamId the outbox's stream id
 * @param backlogBatches rows in the outbox not yet acknowledged
 * @param backlogBytes their payload bytes
 * @param connects successful connections to the broker
 * @param reconnects successful connections after a lost link or failed attempt
 * @param connected whether the link is up now
 * @param downlinkRejected desired-state, command or ack messages rejected as malformed or foreign
 * @param recordDiskWaits calls of {@code record} that waited on the disk (journal flush or seal)
 * @param maxRecordDiskWaitMicros the longest such wait
 * @param publishesRefused uplink publishes the broker refused in its PUBACK (reason code 0x80 or
 *     more, such as 0x87 not authorised); the rows were kept and sent again with back-off
 * @param downlinkRefusals desired states and commands refused by the signed-downlink checks, by
 *     reason (also counted in {@code downlinkRejected})
 */
public record AgentStats(
    long acceptedSamples,
    Map<RefusalReason, Long> refusals,
    long recoveredSamples,
    long batchesSealed,
    long eventsRaised,
    long eventsRefused,
    long messagesSent,
    long messagesResent,
    Map<Priority, Long> evictedSamples,
    long evictedBatches,
    long ackedSeq,
    long streamId,
    long backlogBatches,
    long backlogBytes,
    long connects,
    long reconnects,
    boolean connected,
    long downlinkRejected,
    long recordDiskWaits,
    long maxRecordDiskWaitMicros,
    long publishesRefused,
    Map<DownlinkRefusal, Long> downlinkRefusals) {

  public AgentStats {
    downlinkRefusals = Map.copyOf(Objects.requireNonNull(downlinkRefusals, "downlinkRefusals"));
    refusals = Map.copyOf(Objects.requireNonNull(refusals, "refusals"));
    evictedSamples = Map.copyOf(Objects.requireNonNull(evictedSamples, "evictedSamples"));
  }

  /** All zeros: an agent that has not started. */
  public static AgentStats empty() {
    return new AgentStats(0, Map.of(), 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, false, 0, 0, 0, 0, Map.of());
  }

  /** All refused samples, over every reason. */
  public long refusedSamples() {
    return refusals.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Refused samples for one reason. */
  public long refused(RefusalReason reason) {
    return refusals.getOrDefault(reason, 0L);
  }

  /** Evicted samples of one priority. */
  public long evicted(Priority priority) {
    return evictedSamples.getOrDefault(priority, 0L);
  }

  /** Downlink messages refused for one reason. */
  public long downlinkRefused(DownlinkRefusal reason) {
    return downlinkRefusals.getOrDefault(reason, 0L);
  }
}
