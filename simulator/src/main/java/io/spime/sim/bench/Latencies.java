package io.spime.sim.bench;

/**
 * A latency distribution of the measured window, in milliseconds: from {@code record} on the car
 * to durable in the twin store, or one part of that way.
 *
 * @param samples samples (or batches) measured
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max the slowest
 */
record Latencies(long samples, long p50, long p95, long p99, long max) {}
