/**
 * A simulated car with its real {@code EdgeAgent}: {@link io.spime.sim.internal.car.VirtualCar}
 * drives the agent from the car's model and keeps its ledger; {@link
 * io.spime.sim.internal.car.FleetCar} is how a run sees any car, in this JVM or in a child process.
 */
package io.spime.sim.internal.car;
