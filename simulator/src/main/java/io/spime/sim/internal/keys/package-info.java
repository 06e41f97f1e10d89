/**
 * The downlink signing key of a simulator run: generated per run into the data folder (owner-only),
 * or given as files ({@link io.spime.sim.internal.keys.RunKeys}), and the public key each car pins
 * ({@link io.spime.sim.internal.keys.DownlinkPin}).
 */
package io.spime.sim.internal.keys;
