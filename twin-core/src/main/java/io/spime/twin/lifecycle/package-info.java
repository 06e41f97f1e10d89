/**
 * The lifecycle state machine: {@link io.spime.twin.lifecycle.LifecyclePhase} from PRODUCED to
 * RECYCLED, with the moves it allows, and each {@link io.spime.twin.lifecycle.PhaseChange}.
 */
@NullMarked
package io.spime.twin.lifecycle;

import org.jspecify.annotations.NullMarked;
