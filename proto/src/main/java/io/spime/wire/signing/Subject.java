package io.spime.wire.signing;

import java.util.Objects;

/** What a signed envelope carries: a desired state of one version, or one command. */
public sealed interface Subject {
  /**
   * Desired state.
   *
   * @param version the desired state's version, 1 or more
   */
  record Desired(long version) implements Subject {
    public Desired {
      if (version < 1) {
        throw new IllegalArgumentException("desired version must be 1 or more, was " + version);
      }
    }
  }

  /**
   * A command.
   *
   * @param commandId its id, 1–{@value #MAX_ID_BYTES} bytes of UTF-8, not blank
   */
  record Command(String commandId) implements Subject {
    /** Longest command id, in UTF-8 bytes. */
    public static final int MAX_ID_BYTES = 128;

    public Command {
      Objects.requireNonNull(commandId, "commandId");
      if (commandId.isBlank()) {
        throw new IllegalArgumentException("commandId must not be blank");
      }
      int bytes = commandId.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (bytes > MAX_ID_BYTES) {
        throw new IllegalArgumentException(
            "commandId must be at most " + MAX_ID_BYTES + " bytes of UTF-8, was " + bytes);
      }
    }
  }
}
