package io.spime.twin.event;

import java.util.Objects;

/**
 * An open diagnostic trouble code is cleared; clearing a code that is not open is refused.
 *
 * @param code the code
 */
public record DtcCleared(String code) implements TwinEvent {
  public DtcCleared {
    Objects.requireNonNull(code, "code");
  }
}
