/**
 * The {@code spime-sim} command line: {@link io.spime.sim.SpimeSim} and one class per command, and
 * {@link io.spime.sim.ExitCodes}, every exit code it uses. The commands' shared flags are in {@code
 * io.spime.sim.options}; what the commands run is in {@code io.spime.sim.internal} and {@code
 * io.spime.sim.bench}.
 */
@NullMarked
package io.spime.sim;

import org.jspecify.annotations.NullMarked;
