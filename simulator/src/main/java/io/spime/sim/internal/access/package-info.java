/** Who the simulated cars and the ingest are on the embedded broker: {@link io.spime.sim.internal.access.SimIdentities}. */
@NullMarked
package io.spime.sim.internal.access;

import org.jspecify.annotations.NullMarked;
