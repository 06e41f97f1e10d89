package io.spime.wire.event;

import io.spime.wire.StreamPosition;
import io.spime.wire.AssetId;
import java.util.List;
import java.util.Objects;

/**
 * Discrete events of one vehicle, the payload of {@code spime/v1/{vin}/events}; see {@link
 * EventCodec}.
 *
 * @param vin the vehicle
 * @param position the batch's place in the vehicle's uplink sequence
 * @param events at least one event
 */
public record EventBatch(AssetId vin, StreamPosition position, List<VehicleEvent> events) {
  public EventBatch {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(position, "position");
    events = List.copyOf(Objects.requireNonNull(events, "events"));
    if (events.isEmpty()) {
      throw new IllegalArgumentException("an event batch needs at least one event");
    }
  }
}
