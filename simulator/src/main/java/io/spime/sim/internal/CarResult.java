package io.spime.sim.internal;

import io.spime.wire.Vin;
import java.util.List;

/**
 * How one car's twin compares with its ledger.
 *
 * @param accepted samples the car's agent accepted
 * @param refused samples its agent refused with an exception (the simulator never sends bad ones)
 * @param stored samples the twin store applied for the car
 * @param diverged signals whose latest value in the twin differs from the car's last one
 */
public record CarResult(Vin vin, long accepted, long refused, long stored, List<String> diverged) {
  public CarResult {
    diverged = List.copyOf(diverged);
  }

  /** Accepted but not stored. */
  public long lost() {
    return Math.max(0, accepted - stored);
  }

  /** Stored more often than accepted: applied twice. */
  public long duplicated() {
    return Math.max(0, stored - accepted);
  }

  /**
   * Whether the twin holds exactly what the car accepted, and the car did record: a car whose agent
   * accepted nothing, or refused a sample, proves nothing and is not clean.
   */
  public boolean clean() {
    return accepted > 0 && refused == 0 && lost() == 0 && duplicated() == 0 && diverged.isEmpty();
  }
}
