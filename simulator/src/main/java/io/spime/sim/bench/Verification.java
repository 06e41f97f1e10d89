package io.spime.sim.bench;

import java.time.Duration;

/**
 * The end-to-end run's check after the outboxes drained: what the agents accepted against what the
 * twin store holds, car by car.
 *
 * @param recordCalls calls of {@code record} that returned normally
 * @param accepted samples the agents accepted (their own count)
 * @param refused samples the agents refused (consent, policy, a full outbox)
 * @param failedCalls calls of {@code record} that threw
 * @param stored samples the store applied for these cars
 * @param lost accepted samples missing from the store, summed over cars
 * @param extra samples the store holds beyond what was accepted, summed over cars
 * @param carsMismatched cars whose stored count differs from their accepted count
 * @param drained whether every outbox emptied within the limit
 * @param drainTime how long the drain after the run took
 */
record Verification(
    long recordCalls,
    long accepted,
    long refused,
    long failedCalls,
    long stored,
    long lost,
    long extra,
    int carsMismatched,
    boolean drained,
    Duration drainTime) {

  /** True when every accepted sample is stored once and nothing was refused or thrown. */
  boolean clean() {
    return drained && lost == 0 && extra == 0 && carsMismatched == 0 && refused == 0
        && failedCalls == 0 && accepted == recordCalls;
  }
}
