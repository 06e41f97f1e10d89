package io.spime.twin;

import java.util.Objects;
import java.util.UUID;

/** The id of one twin event, unique in the store; appending an id again is idempotent. */
public record EventId(UUID value) {
  public EventId {
    Objects.requireNonNull(value, "event id");
  }

  /** A new random id. */
  public static EventId random() {
    return new EventId(UUID.randomUUID());
  }

  /**
   * The id written as a UUID.
   *
   * @throws IllegalArgumentException if the text is not a UUID
   */
  public static EventId parse(String text) {
    return new EventId(UUID.fromString(Objects.requireNonNull(text, "event id")));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
