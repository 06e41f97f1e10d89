package io.spime.sim.bench;

import io.spime.cloud.sync.IngestStats;
import java.time.Duration;

/**
 * What the end-to-end run measured after warm-up, and its verification.
 *
 * @param seconds whole seconds measured
 * @param recordedPerSecond median samples per second recorded (calls of {@code record} that returned)
 * @param samplesPerSecond median samples per second applied to the twin store
 * @param minSamplesPerSecond the slowest second
 * @param batchesPerSecond median telemetry batches per second applied
 * @param minBatchesPerSecond the slowest second
 * @param latency record to durable, for samples recorded in the measured window
 * @param toIngest record to received by the ingest, for the same samples
 * @param inIngest received by the ingest to durable, per measured batch
 * @param samplesPerBatch median samples in a measured batch
 * @param payloadBytes median payload bytes of a measured batch (re-encoded from every 64th)
 * @param meanPayloadBytes their mean
 * @param ingest the ingest's counters over the whole run
 * @param connectTime how long all agents took to connect
 * @param heapUsedBytes heap in use after a full collection, fleet running, at the end
 * @param heapMaxBytes the JVM's heap limit
 * @param heapPerCarBytes heap held per car: the above less the heap before the cars started
 * @param agents the agents' own counters over the whole run
 * @param store how busy the ingest's store transactions kept its apply thread
 * @param verification the count after the drain
 */
record EndToEndResult(
    int seconds,
    double recordedPerSecond,
    double samplesPerSecond,
    double minSamplesPerSecond,
    double batchesPerSecond,
    double minBatchesPerSecond,
    Latencies latency,
    Latencies toIngest,
    Latencies inIngest,
    long samplesPerBatch,
    int payloadBytes,
    double meanPayloadBytes,
    IngestStats ingest,
    Duration connectTime,
    long heapUsedBytes,
    long heapMaxBytes,
    long heapPerCarBytes,
    AgentTotals agents,
    StoreTimings store,
    Verification verification) {

  /** Median telemetry payload megabytes (10^6 B) per second: batches/s × mean payload. */
  double megabytesPerSecond() {
    return batchesPerSecond * meanPayloadBytes / 1e6;
  }
}
