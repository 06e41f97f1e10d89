/**
 * The run's ingest as N processes ({@code run --ingests N}): {@link
 * io.spime.sim.internal.ingest.IngestProcesses} and {@link io.spime.sim.internal.ingest.ChildIngest}
 * in the run's process, {@link io.spime.sim.internal.ingest.IngestProcess} in each child, and the
 * line protocol between them.
 */
package io.spime.sim.internal.ingest;
