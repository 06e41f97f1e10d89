package io.spime.twin;

import io.spime.wire.AssetId;
import java.util.List;
import java.util.Objects;

/**
 * What an append did.
 *
 * @param vin the vehicle
 * @param revision the vehicle's revision after the append
 * @param entries the journal entries of the appended events
 * @param replayed true if every event id was already in the journal: nothing new was written and
 *     {@code entries} are the stored ones
 */
public record AppendResult(AssetId vin, long revision, List<JournalEntry> entries, boolean replayed) {
  public AppendResult {
    Objects.requireNonNull(vin, "vin");
    entries = List.copyOf(entries);
  }
}
