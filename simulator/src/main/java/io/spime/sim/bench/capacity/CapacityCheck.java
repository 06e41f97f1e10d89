package io.spime.sim.bench.capacity;

import java.time.Duration;

/**
 * The count after the load stopped: every batch published acked, and every VIN's samples in the
 * store once.
 *
 * @param publishedBatches batches the load published
 * @param ackedBatches batches the ingest acked (each VIN's highest acked seq, summed)
 * @param expectedSamples samples in the published batches
 * @param storedSamples samples the store applied for the load's VINs
 * @param missing published samples the store lacks, summed over VINs
 * @param extra samples the store holds beyond those published, summed over VINs
 * @param vinsOff VINs whose stored count or acked seq differs from what was published
 * @param allAcked whether every published batch was acked within the limit
 * @param drainTime how long the wait for the last acks took
 */
public record CapacityCheck(
    long publishedBatches,
    long ackedBatches,
    long expectedSamples,
    long storedSamples,
    long missing,
    long extra,
    int vinsOff,
    boolean allAcked,
    Duration drainTime) {

  /** True when every published sample is stored exactly once and acked. */
  public boolean clean() {
    return allAcked && missing == 0 && extra == 0 && vinsOff == 0 && publishedBatches > 0
        && expectedSamples == storedSamples;
  }
}
