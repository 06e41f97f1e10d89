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
 * @param missing accepted samples not in the store, summed over cars: lost if the outboxes drained,
 *     still on their way (kept in the outboxes) if not
 * @param extra samples the store holds beyond what was accepted, summed over cars
 * @param carsMismatched cars whose stored count differs from their accepted count
 * @param drained whether every outbox emptied within the limit
 * @param backlogBatches batches still in the outboxes after the drain
 * @param drainTime how long the drain after the run took
 */
record Verification(
    long recordCalls,
    long accepted,
    long refused,
    long failedCalls,
    long stored,
    long missing,
    long extra,
    int carsMismatched,
    boolean drained,
    long backlogBatches,
    Duration drainTime) {

  /** Accepted samples the store lacks although every outbox drained: lost. */
  long lost() {
    return drained ? missing : 0;
  }

  /** True when every accepted sample is stored once and nothing was refused or thrown. */
  boolean clean() {
    return drained && missing == 0 && extra == 0 && carsMismatched == 0 && refused == 0
        && failedCalls == 0 && accepted == recordCalls;
  }
}
