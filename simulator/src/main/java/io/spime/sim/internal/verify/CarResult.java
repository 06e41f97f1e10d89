package io.spime.sim.internal.verify;

import io.spime.wire.AssetId;
import java.util.List;

/**
 * How one car's twin compares with its ledger.
 *
 * <p>For a car whose agent process was killed, a sample whose {@code record} had returned when the
 * kill came, but whose ledger line was not yet written, is stored but not in the ledger: up to
 * {@link #SAMPLES_PER_RECORD} per kill are counted as {@linkplain #inFlight() in flight at the kill},
 * not as duplicates.
 *
 * @param accepted samples the car's agent accepted (its ledger)
 * @param refused samples and events its agent refused (the simulator never sends bad ones)
 * @param stored samples the twin store applied for the car
 * @param diverged signals whose latest value in the twin differs from the car's last one
 * @param kills how many times the car's agent process was killed
 * @param failures what went wrong with the car's process (an exit nobody asked for)
 * @param dtcs how its trouble codes compare with the twin's
 */
public record CarResult(AssetId vin, long accepted, long refused, long stored, List<String> diverged,
    int kills, List<String> failures, DtcCheck dtcs) {
  /** Samples one {@code record} call hands the agent. */
  public static final int SAMPLES_PER_RECORD = 1;

  public CarResult {
    diverged = List.copyOf(diverged);
    failures = List.copyOf(failures);
    java.util.Objects.requireNonNull(dtcs, "dtcs");
  }

  /** A car whose trouble codes were not compared. */
  public CarResult(AssetId vin, long accepted, long refused, long stored, List<String> diverged,
      int kills, List<String> failures) {
    this(vin, accepted, refused, stored, diverged, kills, failures, DtcCheck.NONE);
  }

  /** A car in the fleet's own process (never killed) whose trouble codes were not compared. */
  public CarResult(AssetId vin, long accepted, long refused, long stored, List<String> diverged) {
    this(vin, accepted, refused, stored, diverged, 0, List.of());
  }

  /** Accepted but not stored. */
  public long lost() {
    return Math.max(0, accepted - stored);
  }

  /** Stored but not in the ledger, no more than the kills allow: accepted at the moment of a kill. */
  public long inFlight() {
    return Math.min(Math.max(0, stored - accepted), (long) kills * SAMPLES_PER_RECORD);
  }

  /** Stored more often than accepted (applied twice), beyond what was in flight at kills. */
  public long duplicated() {
    return Math.max(0, stored - accepted - (long) kills * SAMPLES_PER_RECORD);
  }

  /**
   * Whether the twin holds exactly what the car accepted, its trouble codes included, and the car
   * did record: a car whose agent accepted nothing, or refused a sample or an event, or whose
   * process failed, proves nothing and is not clean.
   */
  public boolean clean() {
    return accepted > 0 && refused == 0 && lost() == 0 && duplicated() == 0 && diverged.isEmpty()
        && failures.isEmpty() && dtcs.matches();
  }
}
