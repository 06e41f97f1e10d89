package io.spime.twin;

import io.spime.wire.AssetId;
import java.util.List;
import java.util.Objects;

/**
 * Events to append to one vehicle, valid only if the vehicle is at the expected revision.
 *
 * @param vin the vehicle
 * @param expectedRevision the revision the writer has seen; 0 for a vehicle without events
 * @param events at least one event, in the order they happened
 */
public record AppendRequest(AssetId vin, long expectedRevision, List<PendingEvent> events) {
  public AppendRequest {
    Objects.requireNonNull(vin, "vin");
    if (expectedRevision < 0) {
      throw new IllegalArgumentException("expectedRevision must be 0 or more, was " + expectedRevision);
    }
    events = List.copyOf(events);
    if (events.isEmpty()) {
      throw new IllegalArgumentException("an append needs at least one event");
    }
  }
}
