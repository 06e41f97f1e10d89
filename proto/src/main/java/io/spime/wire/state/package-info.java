/**
 * Desired and reported state and commands: the collection policy and its rules, consent, driver
 * profiles, commands and their outcomes, and their codecs ({@link io.spime.wire.state.StateCodec},
 * {@link io.spime.wire.state.StatePartCodec}).
 */
@NullMarked
package io.spime.wire.state;

import org.jspecify.annotations.NullMarked;
