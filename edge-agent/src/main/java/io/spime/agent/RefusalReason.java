package io.spime.agent;

/** Why {@link EdgeAgent#record} did not keep a valid sample; each is counted in {@link AgentStats}. */
public enum RefusalReason {
  /** The driver has not consented to the signal's data category: never stored, never sent. */
  NO_CONSENT,
  /** The collection policy switched the signal off. */
  POLICY_OFF,
  /** Within the signal's deadband of the last kept value (on-change collection). */
  DEADBAND,
  /** Sooner than the signal's minimum interval after the last kept value (periodic collection). */
  MIN_INTERVAL,
  /** The outbox is full of data of higher priority; this lower-priority data has no room. */
  OUTBOX_FULL,
  /**
   * The journal was full and sealing it into the outbox failed (a full or failing disk): the sample
   * was not kept and {@code record} threw an {@link OutboxException}. The agent keeps trying each
   * time and takes samples again as soon as a seal succeeds.
   */
  STORAGE_FAILED
}
