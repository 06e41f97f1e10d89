package io.spime.agent.bench;

import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A catalog of n float signals at 0.1 resolution, for the heap benchmark's 300 signals. */
final class BenchCatalog {
  private BenchCatalog() {}

  static SignalCatalog of(int n) {
    List<SignalDefinition> signals = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      signals.add(new SignalDefinition(i, "Vehicle.Bench.Signal" + i, "float", Optional.empty(), 0.1,
          DataCategory.VEHICLE_HEALTH, Priority.NORMAL));
    }
    return SignalCatalog.of(1, signals);
  }
}
