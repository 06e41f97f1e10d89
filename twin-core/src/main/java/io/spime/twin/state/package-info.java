/**
 * The reported and desired state of the car ({@link io.spime.twin.state.StateDocument}) and the
 * commands sent to it with their status ({@link io.spime.twin.state.CommandState}).
 */
@NullMarked
package io.spime.twin.state;

import org.jspecify.annotations.NullMarked;
