package io.spime.twin.internal.store.jdbc;

import io.spime.twin.EventId;
import io.spime.twin.PendingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Places a car's twin events on the twin's timeline. A car sends an event when it can: after a
 * tunnel, a restart, or behind its own higher-priority messages, so it may arrive after the back
 * office (or the car's other messages) appended later events. The timeline only moves forward, so
 * such an event enters at the time of the twin's latest event instead of being refused; the time the
 * car gave it stays in the car event stored beside it ({@code TwinStore.carEvents}). An event the
 * journal holds already (resent by the car) keeps the time it was stored with, so the resend is
 * recognised as the same event.
 */
final class LateCarEvents {
  private LateCarEvents() {}

  /**
   * {@code events}, each moved up to the twin's latest event time or the one before it if earlier;
   * {@code storedAt} holds the times of those already in the journal.
   */
  static List<PendingEvent> onTimeline(List<PendingEvent> events, Optional<Instant> twinLatest,
      Map<EventId, Instant> storedAt) {
    List<PendingEvent> placed = new ArrayList<>(events.size());
    Instant floor = twinLatest.orElse(Instant.MIN);
    for (PendingEvent event : events) {
      Instant stored = storedAt.get(event.id());
      if (stored != null) {
        placed.add(new PendingEvent(event.id(), stored, event.source(), event.event()));
      } else if (event.occurredAt().isBefore(floor)) {
        placed.add(new PendingEvent(event.id(), floor, event.source(), event.event()));
      } else {
        placed.add(event);
        floor = event.occurredAt();
      }
    }
    return placed;
  }
}
