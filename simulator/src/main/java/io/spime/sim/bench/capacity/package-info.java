/**
 * The ingest capacity benchmark ({@code spime-sim bench --capacity}): pre-encoded telemetry of many
 * VINs published as fast as the broker takes it, applied and acked by the real ingest, with the
 * broker's loopback of the same payloads in the same run and a count of every sample at the end.
 */
@NullMarked
package io.spime.sim.bench.capacity;

import org.jspecify.annotations.NullMarked;
