package io.spime.sim.bench;

import io.spime.sim.internal.VinFactory;
import io.spime.wire.Vin;

/** Valid, repeatable VINs for benchmark cars, apart from the simulator's (manufacturer code SPB). */
final class BenchVins {
  private BenchVins() {}

  /** The VIN of car {@code index} for this seed: same inputs, same VIN. */
  static Vin vin(long seed, int index) {
    return VinFactory.vin("SPB", 'B', seed, index);
  }
}
