package io.spime.wire;

/** How urgent a piece of data is: the outbox sends higher first and evicts lower first. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  /** Never evicted; committed with a full fsync so it survives power loss. */
  CRITICAL
}
