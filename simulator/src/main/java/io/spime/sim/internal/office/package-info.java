/**
 * The back office a scenario runs beside the cars ({@link io.spime.sim.internal.office.BackOffice}):
 * registering them, renting them out, living their whole lives; {@link
 * io.spime.sim.internal.office.FleetRegistry} writes their history into the twin store.
 */
package io.spime.sim.internal.office;
