package io.spime.twin.diagnostics;

/** How serious a diagnostic trouble code is. */
public enum DtcSeverity {
  INFO,
  WARNING,
  CRITICAL
}
