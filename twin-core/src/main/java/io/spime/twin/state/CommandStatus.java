package io.spime.twin.state;

/** How a command to a car ended. */
public enum CommandStatus {
  /** The car carried it out. */
  APPLIED,
  /** The car refused it (not allowed now, bad parameters). */
  REJECTED,
  /** It was not carried out before it expired. */
  EXPIRED,
  /** The car tried and failed. */
  FAILED
}
