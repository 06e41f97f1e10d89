package io.spime.wire.internal;

import io.spime.wire.DataCategory;
import io.spime.wire.MalformedPayloadException;
import io.spime.wire.Priority;
import java.util.Optional;

/** Priority and data category between their Java enums and their wire numbers (ordinal + 1). */
public final class Enums {
  private Enums() {}

  public static int number(Priority priority) {
    return priority.ordinal() + 1;
  }

  public static int number(DataCategory category) {
    return category.ordinal() + 1;
  }

  /** The priority of a wire number, empty for 0 (unspecified). */
  public static Optional<Priority> priority(int value, String what) {
    if (value == 0) {
      return Optional.empty();
    }
    if (value < 0 || value > Priority.values().length) {
      throw new MalformedPayloadException(what + " has unknown priority " + value);
    }
    return Optional.of(Priority.values()[value - 1]);
  }

  /** The data category of a wire number; 0 (unspecified) is refused like an unknown one. */
  public static DataCategory category(int value, String what) {
    if (value == 0) {
      throw new MalformedPayloadException(what + " has no data category");
    }
    if (value < 0 || value > DataCategory.values().length) {
      throw new MalformedPayloadException(what + " has unknown data category " + value);
    }
    return DataCategory.values()[value - 1];
  }
}
