package io.spime.sim.internal.verify;

import io.spime.twin.TwinStore;
import io.spime.twin.fleet.SignalReading;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import java.util.Map;
import java.util.Set;

/**
 * Where the verification reads the twins: the store itself ({@link #of(TwinStore)}), or a running
 * spime-cloud's HTTP API. Every car's result is built from these three reads.
 */
public interface TwinSource {
  /** Telemetry samples the store applied for the car. */
  long samplesApplied(AssetId vin);

  /** The latest value of each signal the source shows, and the categories it withholds. */
  Signals latestSignals(AssetId vin);

  /** The twin's trouble codes. */
  TwinDtcs dtcs(AssetId vin);

  /** Latest readings by signal id; signals of a {@code withheld} category are not compared. */
  record Signals(Map<Integer, SignalReading> readings, Set<DataCategory> withheld) {}

  /** The twins as the store holds them: nothing withheld. */
  static TwinSource of(TwinStore store) {
    return new TwinSource() {
      @Override
      public long samplesApplied(AssetId vin) {
        return store.samplesApplied(vin);
      }

      @Override
      public Signals latestSignals(AssetId vin) {
        return new Signals(store.latestSignals(vin), Set.of());
      }

      @Override
      public TwinDtcs dtcs(AssetId vin) {
        return TwinDtcs.of(store, vin);
      }
    };
  }
}
