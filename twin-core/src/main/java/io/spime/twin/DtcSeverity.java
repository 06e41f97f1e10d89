package io.spime.twin;

/** How serious a diagnostic trouble code is. */
public enum DtcSeverity {
  INFO,
  WARNING,
  CRITICAL
}
