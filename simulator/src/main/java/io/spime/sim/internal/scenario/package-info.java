/**
 * What a run does: {@link io.spime.sim.internal.scenario.ScenarioSpec} (built in, or read from a
 * scenario file) with its faults, and {@link io.spime.sim.internal.scenario.RunConfig}.
 */
package io.spime.sim.internal.scenario;
