package io.spime.twin.diagnostics;

import io.spime.twin.internal.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * The software an ECU runs.
 *
 * @param ecu the control unit
 * @param version installed version
 * @param since installed at
 */
public record SoftwareVersion(String ecu, String version, Instant since) {
  public SoftwareVersion {
    Checks.text(ecu, "ecu");
    Checks.text(version, "version");
    Objects.requireNonNull(since, "since");
  }
}
