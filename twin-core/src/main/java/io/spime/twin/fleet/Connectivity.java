package io.spime.twin.fleet;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a car is connected, from its last accepted status (see {@link
 * TwinStore#recordConnectivity}).
 *
 * @param online whether the last accepted status says online
 * @param since the time of that status (for an offline will of the same boot: not before the online
 *     status it ended)
 * @param bootId the agent boot the status belongs to
 * @param lastSeen the latest time the store knows the car spoke: the status time, the newest telemetry
 *     sample, car event or vehicle-sourced twin event, or the receipt of a quarantined message
 */
public record Connectivity(boolean online, Instant since, long bootId, Optional<Instant> lastSeen) {
  public Connectivity {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }
}
