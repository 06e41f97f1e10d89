/**
 * The broker's loopback limit ({@link io.spime.sim.bench.loopback.BrokerLoopback}): publishers to one
 * counting subscriber over spime's transport or plain Paho, and the per-second rates both halves of
 * the benchmark read ({@link io.spime.sim.bench.loopback.PerSecond}).
 */
@NullMarked
package io.spime.sim.bench.loopback;

import org.jspecify.annotations.NullMarked;
