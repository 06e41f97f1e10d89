/**
 * One fleet over several machines: a shard's ledger ({@link
 * io.spime.sim.internal.shard.ShardLedger}), written by each {@code run --shard i/N}, and {@link
 * io.spime.sim.internal.shard.ShardVerification}, which merges every shard's ledger with the twin
 * store into one verdict.
 */
package io.spime.sim.internal.shard;
