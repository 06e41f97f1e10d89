package io.spime.twin.ingest;

import io.spime.twin.EventId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Twin events of an uplink message that the twin refused; the message's stream advanced anyway and
 * its car events were kept.
 *
 * @param eventIds the ids of the refused events, in message order
 * @param reason the exception's class and message
 * @param at when the store refused them, by the store's clock
 */
public record RefusedEvents(List<EventId> eventIds, String reason, Instant at) {
  public RefusedEvents {
    eventIds = List.copyOf(eventIds);
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }
}
