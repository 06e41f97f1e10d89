/**
 * {@code spime-sim bench}: {@link io.spime.sim.bench.BenchRun} measures the broker's loopback limit
 * (package {@code loopback}), then real agents through the broker into the ingest and an SQLite twin
 * store ({@link io.spime.sim.bench.EndToEnd}), and reports both ({@link io.spime.sim.bench.BenchReport}).
 */
@NullMarked
package io.spime.sim.bench;

import org.jspecify.annotations.NullMarked;
