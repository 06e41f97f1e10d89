package io.spime.twin.diagnostics;

/** How a software update ended. */
public enum UpdateOutcome {
  SUCCEEDED,
  FAILED,
  ROLLED_BACK
}
