/**
 * A car's physics, without an agent: {@link io.spime.sim.internal.model.CarModel} (trips, speed,
 * position, calendar), its traction battery, climate and diagnostics with their trouble codes, and
 * the {@link io.spime.sim.internal.model.CarSignals} it reports.
 */
package io.spime.sim.internal.model;
