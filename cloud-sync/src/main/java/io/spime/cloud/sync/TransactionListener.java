package io.spime.cloud.sync;

/**
 * Told of every store transaction the ingest's apply thread ran for a group of uplink messages, with
 * how long it took: for a store-latency metric. Called on the apply thread: return quickly, never
 * throw.
 */
@FunctionalInterface
public interface TransactionListener {
  /** A transaction applied {@code messages} uplink messages in {@code nanos}, committed or failed. */
  void transaction(int messages, long nanos, boolean committed);
}
