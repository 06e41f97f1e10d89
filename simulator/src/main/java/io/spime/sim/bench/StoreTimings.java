package io.spime.sim.bench;

/**
 * How the ingest's store transactions went in the measured window.
 *
 * @param busyFraction median share of each second the apply thread spent inside the store (0–1)
 * @param transactionsPerSecond apply calls per second, over the window
 * @param meanMillis mean time of one apply call
 * @param p99Millis 99th percentile of the time of one apply call
 * @param maxMillis longest apply call
 * @param messagesPerTransaction mean uplink messages per call
 */
record StoreTimings(
    double busyFraction,
    double transactionsPerSecond,
    double meanMillis,
    double p99Millis,
    double maxMillis,
    double messagesPerTransaction) {}
