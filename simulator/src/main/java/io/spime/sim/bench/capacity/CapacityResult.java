package io.spime.sim.bench.capacity;

import io.spime.cloud.sync.IngestStats;
import io.spime.sim.bench.loopback.LoopbackResult;

/**
 * What a capacity run measured after its warm-up, and its check.
 *
 * @param config what was run
 * @param broker the broker: {@code embedded} or its URL
 * @param store the twin store, its password left out
 * @param windowsPerVin the 1 s windows encoded per VIN before the run
 * @param payloadBytes the median payload of a batch
 * @param loopback the broker's loopback of payloads of that size, in the same run
 * @param seconds whole seconds measured
 * @param samplesPerSecond median samples applied per second
 * @param minSamplesPerSecond the slowest second
 * @param batchesPerSecond median batches applied per second
 * @param minBatchesPerSecond the slowest second
 * @param publishedPerSecond median batches the load published per second
 * @param receivedToDurable per batch, milliseconds from the ingest taking it from the broker to commit
 * @param transactionMillis store transaction times in milliseconds
 * @param transactionsPerSecond store transactions per second over the window
 * @param messagesPerTransaction mean uplink messages per transaction over the window
 * @param storeBusy median share of each second the apply thread spent in store transactions (0-1)
 * @param ingest the ingest's counters over the whole run
 * @param check the count at the end
 */
public record CapacityResult(
    CapacityConfig config,
    String broker,
    String store,
    int windowsPerVin,
    int payloadBytes,
    LoopbackResult loopback,
    int seconds,
    double samplesPerSecond,
    double minSamplesPerSecond,
    double batchesPerSecond,
    double minBatchesPerSecond,
    double publishedPerSecond,
    Spread receivedToDurable,
    Spread transactionMillis,
    double transactionsPerSecond,
    double messagesPerTransaction,
    double storeBusy,
    IngestStats ingest,
    CapacityCheck check) {

  /** True when the count found every published sample stored once. */
  public boolean clean() {
    return check.clean();
  }

  /** Applied batches per second ÷ the loopback's messages per second. */
  public double shareOfLoopback() {
    return loopback.messagesPerSecond() <= 0 ? 0 : batchesPerSecond / loopback.messagesPerSecond();
  }
}
