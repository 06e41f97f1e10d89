package io.spime.twin.ingest;

import io.spime.twin.TwinStore;
import java.util.List;

/**
 * What {@link TwinStore#applyUplink} did.
 *
 * @param progress one entry per (vin, stream) touched by the call, duplicates included, so acks can be
 *     re-sent; in order of first appearance in the call
 * @param appliedMessages messages applied (their stream advanced)
 * @param duplicateMessages messages skipped because their seq was already durable
 * @param gapMessages messages skipped because an earlier seq of their stream is missing
 * @param appliedSamples samples in the applied telemetry batches
 * @param carEventsStored car events stored (re-sent event ids not counted)
 * @param twinEventsAppended twin events appended to journals (replays not counted)
 * @param twinEventsRefused twin events the twin refused; their refusal is stored
 * @param quarantined quarantined messages stored
 */
public record UplinkApplyResult(
    List<StreamProgress> progress,
    int appliedMessages,
    int duplicateMessages,
    int gapMessages,
    int appliedSamples,
    int carEventsStored,
    int twinEventsAppended,
    int twinEventsRefused,
    int quarantined) {
  public UplinkApplyResult {
    progress = List.copyOf(progress);
  }
}
