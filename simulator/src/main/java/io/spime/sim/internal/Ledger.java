package io.spime.sim.internal;

import io.spime.wire.SignalValue;
import java.util.HashMap;
import java.util.Map;

/** What one car's agent accepted: the count and the last value of each signal. Thread-confined. */
final class Ledger {
  private long accepted;
  private long refused;
  private final Map<String, SignalValue> lastValues = new HashMap<>();

  void accepted(String path, SignalValue value) {
    accepted++;
    lastValues.put(path, value);
  }

  void refuse() {
    refused++;
  }

  long accepted() {
    return accepted;
  }

  long refused() {
    return refused;
  }

  Map<String, SignalValue> lastValues() {
    return Map.copyOf(lastValues);
  }
}
