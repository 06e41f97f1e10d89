package io.spime.wire.internal;

import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import io.spime.wire.event.EventDetail;
import java.util.Objects;

/** The priority and consent category an event kind has unless told otherwise. */
public final class EventDefaults {
  private EventDefaults() {}

  /** Crash CRITICAL; DTC, software update and command result HIGH; the rest NORMAL. */
  public static Priority priority(EventDetail detail) {
    Objects.requireNonNull(detail, "detail");
    if (detail instanceof EventDetail.Crash) {
      return Priority.CRITICAL;
    }
    if (detail instanceof EventDetail.Dtc || detail instanceof EventDetail.SoftwareUpdate
        || detail instanceof EventDetail.CommandResult) {
      return Priority.HIGH;
    }
    return Priority.NORMAL;
  }

  /** Vehicle health for what is not NORMAL by default (technical state), usage for the rest. */
  public static DataCategory category(EventDetail detail) {
    return priority(detail) == Priority.NORMAL ? DataCategory.USAGE : DataCategory.VEHICLE_HEALTH;
  }
}
