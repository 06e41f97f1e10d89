/**
 * Discrete events a car raises (DTCs, crash, ignition, charge sessions, software updates, command
 * results): {@link io.spime.wire.event.VehicleEvent}, their batches and the {@link
 * io.spime.wire.event.EventCodec}.
 */
@NullMarked
package io.spime.wire.event;

import org.jspecify.annotations.NullMarked;
