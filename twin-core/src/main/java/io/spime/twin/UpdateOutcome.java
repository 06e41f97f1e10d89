package io.spime.twin;

/** How a software update ended. */
public enum UpdateOutcome {
  SUCCEEDED,
  FAILED,
  ROLLED_BACK
}
