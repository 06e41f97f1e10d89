package io.spime.sim.internal.faults;

import io.spime.wire.AssetId;

/**
 * One SIGKILL of an out-of-process car's agent.
 *
 * @param vin the car
 * @param atMillis when, after the drive started
 * @param exitCode the exit value the killed JVM reported: 137 (128 + signal 9) for SIGKILL
 * @param downMillis how long the car was planned to stay down before its restart
 */
public record AgentKill(AssetId vin, long atMillis, int exitCode, long downMillis) {
  /** The exit value of a process ended by SIGKILL. */
  public static final int SIGKILL_EXIT = 137;

  /** Whether the process died of the signal, as planned. */
  public boolean bySigkill() {
    return exitCode == SIGKILL_EXIT;
  }
}
