/**
 * The faults a scenario injects: {@link io.spime.sim.internal.faults.FaultPlan} draws them from the
 * seed, {@link io.spime.sim.internal.faults.FaultInjector} carries them out — link cuts through the
 * {@link io.spime.sim.internal.faults.LinkProxy}, broker restarts, SIGKILLs of out-of-process cars.
 */
package io.spime.sim.internal.faults;
