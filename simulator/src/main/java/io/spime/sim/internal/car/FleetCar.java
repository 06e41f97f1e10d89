package io.spime.sim.internal.car;

import io.spime.sim.internal.ledger.Ledger;
import io.spime.wire.AssetId;
import java.util.List;

/** A car of the fleet as the run sees it, whether its agent runs in this JVM or in a child process. */
public interface FleetCar extends AutoCloseable {
  AssetId vin();

  /** Where the car stands now, for the progress bar and the time series. */
  CarStatus status();

  /** The drive is over: stop recording and seal what the agent holds. */
  void stopDriving();

  /** Whether everything the car's agent accepted has been acknowledged by the cloud. */
  boolean drained();

  /** What the car's agent accepted over the whole run, across restarts. */
  Ledger.Snapshot tally();

  /** How many times the car's agent process was killed. */
  int kills();

  /** What went wrong with the car's process (an exit nobody asked for); empty when nothing did. */
  default List<String> failures() {
    return List.of();
  }

  /** Disconnects the car's agent cleanly and releases what the car holds. */
  @Override
  void close();
}
