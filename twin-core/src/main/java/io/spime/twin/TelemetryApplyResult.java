package io.spime.twin;

import java.util.List;

/**
 * What {@link TwinStore#applyTelemetry} did.
 *
 * @param progress one entry per (vin, stream) touched by the call, duplicates included, so acks can be
 *     re-sent; in order of first appearance in the call
 * @param appliedBatches batches applied
 * @param duplicateBatches batches skipped because their seq was already durable
 * @param gapBatches batches skipped because an earlier seq of their stream is missing
 * @param appliedSamples samples in the applied batches
 */
public record TelemetryApplyResult(
    List<StreamProgress> progress,
    int appliedBatches,
    int duplicateBatches,
    int gapBatches,
    int appliedSamples) {
  public TelemetryApplyResult {
    progress = List.copyOf(progress);
  }
}
