package io.spime.wire.event;

import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import io.spime.wire.internal.EventDefaults;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A discrete event of one vehicle: it travels in an {@link EventBatch} on {@code
 * spime/v1/{vin}/events} in the same sequence as telemetry, and the twin applies an event id once.
 *
 * @param eventId unique per vehicle, 1..128 characters, not blank; the twin applies it once
 * @param timeMillis when it happened, Unix epoch milliseconds on the car's clock, 1 or more
 * @param priority how urgent it is (crashes are CRITICAL by default)
 * @param category its consent category; an event without consent is never stored or sent
 * @param detail what happened
 * @param attributes further attributes by name
 */
public record VehicleEvent(
    String eventId,
    long timeMillis,
    Priority priority,
    DataCategory category,
    EventDetail detail,
    Map<String, String> attributes) {

  public VehicleEvent {
    Objects.requireNonNull(eventId, "eventId");
    if (eventId.isBlank() || eventId.length() > 128) {
      throw new IllegalArgumentException("eventId must be 1..128 characters, was '" + eventId + "'");
    }
    if (timeMillis < 1) {
      throw new IllegalArgumentException("timeMillis must be 1 or more, was " + timeMillis);
    }
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(detail, "detail");
    attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
  }

  /**
   * An event with a random id and the default priority and category of its kind: crash CRITICAL,
   * DTC, software update and command result HIGH (vehicle health), ignition, charge session and
   * unrecognized kinds NORMAL (usage).
   *
   * @throws IllegalArgumentException if the time is not 1 or more
   */
  public static VehicleEvent of(EventDetail detail, long timeMillis) {
    return new VehicleEvent(UUID.randomUUID().toString(), timeMillis,
        EventDefaults.priority(detail), EventDefaults.category(detail), detail, Map.of());
  }
}
