/**
 * Compares each car with its twin ({@link io.spime.sim.internal.verify.TwinComparison}): samples,
 * last values and trouble codes, per car a {@link io.spime.sim.internal.verify.CarResult}; and the
 * latency from record to durable.
 */
package io.spime.sim.internal.verify;
