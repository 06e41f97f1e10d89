package io.spime.sim.internal.verify;

import java.util.List;

/**
 * How one car's trouble codes compare with its twin's: every change the car raised must be in the
 * twin's journal (a {@code DtcRaised} or {@code DtcCleared} from the vehicle, same code, same
 * instant), the twin must hold no other, and its open codes at the end must be the car's.
 *
 * @param raised codes the car set
 * @param cleared codes the car cleared
 * @param open codes open in the car at the end
 * @param mismatches what differs, one line each; empty when the twin matches
 */
public record DtcCheck(long raised, long cleared, int open, List<String> mismatches) {
  /** A car whose codes were not compared (it raised none, and nothing was checked). */
  public static final DtcCheck NONE = new DtcCheck(0, 0, 0, List.of());

  public DtcCheck {
    mismatches = List.copyOf(mismatches);
  }

  public boolean matches() {
    return mismatches.isEmpty();
  }
}
