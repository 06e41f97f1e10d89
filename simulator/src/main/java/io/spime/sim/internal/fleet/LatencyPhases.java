package io.spime.sim.internal.fleet;

import io.spime.sim.internal.faults.FaultEvent;
import io.spime.sim.internal.verify.LatencyDetail;
import io.spime.sim.internal.verify.LatencyRecorder;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a run into the phases whose latency the report compares: the drive, split at each broker
 * restart (the fault that stops every car at once), and the drain after the cars stopped. A
 * sample belongs to the phase in which it was recorded.
 */
final class LatencyPhases {
  private LatencyPhases() {}

  static LatencyDetail of(LatencyRecorder recorder, List<FaultEvent> faults, double driveEnd) {
    List<Double> cuts = new ArrayList<>();
    for (FaultEvent fault : faults) {
      if (fault.kind() == FaultEvent.Kind.BROKER_RESTART && fault.atMillis() / 1000.0 < driveEnd) {
        cuts.add(fault.atMillis() / 1000.0);
      }
    }
    List<LatencyDetail.Phase> phases = new ArrayList<>();
    double from = 0;
    for (int i = 0; i < cuts.size(); i++) {
      String name = cuts.size() == 1 ? "before the broker restart"
          : i == 0 ? "before broker restart 1" : "after broker restart " + i;
      phases.add(recorder.phase(name, from, cuts.get(i)));
      from = cuts.get(i);
    }
    String last = cuts.isEmpty() ? "drive"
        : cuts.size() == 1 ? "after the broker restart" : "after broker restart " + cuts.size();
    phases.add(recorder.phase(last, from, driveEnd));
    phases.add(recorder.phase("after the cars stopped (drain)", driveEnd, Double.MAX_VALUE));
    return new LatencyDetail(recorder.overTime(), phases);
  }
}
