package io.spime.twin.event;

import io.spime.twin.diagnostics.DtcSeverity;
import java.util.Objects;

/**
 * A diagnostic trouble code is set; raising an open code again is refused.
 *
 * @param code the code
 * @param severity severity
 * @param description what it means
 */
public record DtcRaised(String code, DtcSeverity severity, String description) implements TwinEvent {
  public DtcRaised {
    Objects.requireNonNull(code, "code");
    if (code.isBlank()) {
      throw new IllegalArgumentException("code must not be blank");
    }
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(description, "description");
  }
}
