package io.spime.sim.internal.verify;

import io.spime.wire.AssetId;
import io.spime.wire.telemetry.TelemetryBatch;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells a durability listener whether a batch is news: its seq is above the highest seen of its
 * (vin, stream), so a batch told again (after an ingest restart, or by a second ingest) is counted
 * once. Not thread-safe; the listener calls it under its own lock.
 */
public final class NewBatches {
  private record StreamKey(AssetId vin, long streamId) {}

  private final Map<StreamKey, Long> highestSeen = new HashMap<>();

  /** True the first time a batch's (vin, stream, seq) is above what its stream has shown. */
  public boolean isNew(TelemetryBatch batch) {
    StreamKey stream = new StreamKey(batch.vin(), batch.position().streamId());
    long seq = batch.position().seq();
    Long seen = highestSeen.get(stream);
    if (seen != null && seq <= seen) {
      return false;
    }
    highestSeen.put(stream, seq);
    return true;
  }
}
