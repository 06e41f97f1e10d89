package io.spime.twin;

import io.spime.twin.event.TwinEvent;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.util.Objects;

/**
 * An event as the journal holds it.
 *
 * @param id the event's id
 * @param vin the vehicle
 * @param revision its place in the vehicle's history, 1 for the first event
 * @param occurredAt when it happened in the world
 * @param recordedAt when the store recorded it
 * @param source who reported it
 * @param event the change
 */
public record JournalEntry(
    EventId id, AssetId vin, long revision, Instant occurredAt, Instant recordedAt, Source source, TwinEvent event) {
  public JournalEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(vin, "vin");
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be 1 or more, was " + revision);
    }
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(event, "event");
  }
}
