package io.spime.sim.internal;

import io.spime.twin.SignalReading;
import io.spime.wire.SignalCatalog;
import io.spime.wire.SignalDefinition;
import io.spime.wire.SignalValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares a car's last recorded values with its twin's latest, allowing the wire resolution. */
final class TwinComparison {
  private TwinComparison() {}

  /** The signal paths whose twin value differs from the car's last value (or is missing). */
  static List<String> diverged(
      SignalCatalog catalog, Map<String, SignalValue> carValues, Map<Integer, SignalReading> twin) {
    List<String> diverged = new ArrayList<>();
    for (Map.Entry<String, SignalValue> entry : carValues.entrySet()) {
      SignalDefinition signal = catalog.require(entry.getKey());
      SignalReading reading = twin.get(signal.id());
      if (reading == null || !same(signal, entry.getValue(), reading.value())) {
        diverged.add(signal.path());
      }
    }
    return diverged;
  }

  private static boolean same(SignalDefinition signal, SignalValue car, SignalValue twin) {
    if (car instanceof SignalValue.Number number && twin instanceof SignalValue.Number stored) {
      double tolerance = signal.isScaled() ? signal.scale() / 2 + 1e-9 : 0;
      return Math.abs(number.value() - stored.value()) <= tolerance;
    }
    return car.equals(twin);
  }
}
