package io.spime.twin.fleet;

import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One event as the car raised it (an ignition, a charge session, a fault, a crash, a command result),
 * kept as it came whether or not it means a change of the twin.
 *
 * @param eventId the car's id of the event, 1 to 128 characters; unique per vehicle, a re-sent id is
 *     ignored
 * @param time when it happened, by the car's clock
 * @param category its data category
 * @param priority its priority
 * @param kind what happened: {@code dtc}, {@code ignition}, {@code charge_session}, {@code crash},
 *     {@code command_result}, {@code software_update} or {@code unknown}; 1 to 64 characters
 * @param attributes its details
 */
public record CarEvent(
    String eventId, Instant time, DataCategory category, Priority priority, String kind,
    Map<String, String> attributes) {
  /** The longest event id. */
  public static final int MAX_ID_LENGTH = 128;

  public CarEvent {
    Objects.requireNonNull(eventId, "eventId");
    if (eventId.isBlank() || eventId.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "eventId must be 1 to " + MAX_ID_LENGTH + " characters and not blank, was " + eventId.length()
              + " characters");
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(kind, "kind");
    if (kind.isBlank() || kind.length() > 64) {
      throw new IllegalArgumentException("kind must be 1 to 64 characters and not blank, was '" + kind + "'");
    }
    attributes = Map.copyOf(attributes);
  }
}
