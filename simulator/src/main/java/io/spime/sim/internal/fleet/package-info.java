/**
 * Runs a fleet; start at {@link io.spime.sim.internal.fleet.FleetRun}: broker, ingest and twin store,
 * the cars, their faults and the back office; then it drives, drains, verifies and reports.
 */
package io.spime.sim.internal.fleet;
