/**
 * Telemetry on the wire: a {@link io.spime.wire.telemetry.TelemetryBatch} of {@link
 * io.spime.wire.telemetry.Sample samples} and its columnar codec ({@link
 * io.spime.wire.telemetry.TelemetryCodec}).
 */
@NullMarked
package io.spime.wire.telemetry;

import org.jspecify.annotations.NullMarked;
