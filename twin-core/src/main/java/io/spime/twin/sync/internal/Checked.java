package io.spime.twin.sync.internal;

import io.spime.twin.UplinkMessage;
import io.spime.wire.Birth;
import io.spime.wire.Status;

/**
 * A message from the broker that passed its checks, as the apply loop takes it, with the time the
 * ingest received it (epoch millis). Refused messages never become one: they are counted and logged
 * on arrival, or quarantined as an {@link Uplink}.
 */
sealed interface Checked {
  long receivedMillis();

  /** Telemetry, events, reported state, or a quarantined message: a place in the car's stream. */
  record Uplink(UplinkMessage message, long receivedMillis) implements Checked {}

  /** A birth: the car's session and versions. */
  record Born(Birth birth, long receivedMillis) implements Checked {}

  /** An online or offline status. */
  record Said(Status status, long receivedMillis) implements Checked {}
}
