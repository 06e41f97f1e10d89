/**
 * Cars whose agent runs in a child JVM, so that a fault can SIGKILL it: {@link
 * io.spime.sim.internal.process.ChildCar} in the fleet's process, {@link
 * io.spime.sim.internal.process.CarProcess} in the child, and the line protocol between them.
 */
package io.spime.sim.internal.process;
