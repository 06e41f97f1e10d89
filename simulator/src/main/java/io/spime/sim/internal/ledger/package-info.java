/**
 * What a car's agent accepted: the {@link io.spime.sim.internal.ledger.Ledger} in memory and, for an
 * out-of-process car, the {@link io.spime.sim.internal.ledger.LedgerFile} that outlives a SIGKILL.
 */
package io.spime.sim.internal.ledger;
