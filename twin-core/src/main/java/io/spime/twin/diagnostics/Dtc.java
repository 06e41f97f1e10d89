package io.spime.twin.diagnostics;

import io.spime.twin.internal.Checks;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A diagnostic trouble code, open or closed.
 *
 * @param code such as {@code P0A80}
 * @param severity severity
 * @param description what it means
 * @param raisedAt when it was set
 * @param clearedAt when it was cleared; empty while open
 */
public record Dtc(
    String code, DtcSeverity severity, String description, Instant raisedAt, Optional<Instant> clearedAt) {
  public Dtc {
    Checks.text(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(raisedAt, "raisedAt");
    Objects.requireNonNull(clearedAt, "clearedAt");
  }
}
