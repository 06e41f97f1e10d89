package io.spime.wire.state;

/** How a signal's samples are collected. */
public enum CollectionMode {
  /** Every sample is kept. */
  EVERY_SAMPLE,
  /** A sample is kept when it differs from the last kept one by more than the deadband. */
  ON_CHANGE,
  /** A sample is kept when at least the minimum interval passed since the last kept one. */
  PERIODIC,
  /** Nothing is kept. */
  OFF
}
