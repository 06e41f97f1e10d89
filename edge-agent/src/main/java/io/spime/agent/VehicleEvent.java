package io.spime.agent;

import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A discrete event for {@link EdgeAgent#raise}: it travels on {@code spime/v1/{vin}/events} in the
 * same sequence as telemetry, and the twin applies an event id once.
 *
 * @param eventId unique per vehicle; the twin applies it once
 * @param timeMillis when it happened, Unix epoch milliseconds on the car's clock
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
    if (timeMillis < 0) {
      throw new IllegalArgumentException("timeMillis must be >= 0, was " + timeMillis);
    }
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(detail, "detail");
    attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
  }

  /**
   * An event with a random id and the default priority and category of its kind: crash CRITICAL,
   * DTC and software update HIGH (vehicle health), ignition and charge session NORMAL (usage).
   */
  public static VehicleEvent of(EventDetail detail, long timeMillis) {
    Priority priority;
    DataCategory category;
    if (detail instanceof EventDetail.Crash) {
      priority = Priority.CRITICAL;
      category = DataCategory.VEHICLE_HEALTH;
    } else if (detail instanceof EventDetail.Dtc || detail instanceof EventDetail.SoftwareUpdate) {
      priority = Priority.HIGH;
      category = DataCategory.VEHICLE_HEALTH;
    } else {
      priority = Priority.NORMAL;
      category = DataCategory.USAGE;
    }
    return new VehicleEvent(UUID.randomUUID().toString(), timeMillis, priority, category, detail, Map.of());
  }
}
