package io.spime.twin.event;

import java.util.Objects;

/** Checks shared by the command events. */
final class Commands {
  static final int MAX_ID_LENGTH = 128;

  private Commands() {}

  static void checkId(String commandId) {
    Objects.requireNonNull(commandId, "commandId");
    if (commandId.isBlank() || commandId.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "commandId must be 1 to " + MAX_ID_LENGTH + " characters and not blank, was '" + commandId + "'");
    }
  }
}
