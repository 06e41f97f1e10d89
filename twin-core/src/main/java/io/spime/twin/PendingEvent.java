package io.spime.twin;

import io.spime.twin.event.TwinEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * An event to append: the store gives it its revision and recorded time.
 *
 * @param id unique id; appending the same id again is idempotent
 * @param occurredAt when it happened in the world
 * @param source who reports it
 * @param event the change
 */
public record PendingEvent(EventId id, Instant occurredAt, Source source, TwinEvent event) {
  public PendingEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(event, "event");
  }

  /** A pending event with a new random id. */
  public static PendingEvent of(Instant occurredAt, Source source, TwinEvent event) {
    return new PendingEvent(EventId.random(), occurredAt, source, event);
  }
}
