package io.spime.sim.bench;

/**
 * Latency from {@code record} on the car to durable in the twin store, over the samples recorded
 * in the measured window, in milliseconds.
 *
 * @param samples samples measured
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max the slowest sample
 */
record Latencies(long samples, long p50, long p95, long p99, long max) {}
