package io.spime.agent;

import io.spime.wire.event.VehicleEvent;

/**
 * Where a {@link SignalSource} delivers what it reads; {@link EdgeAgent} is one. Every method may
 * throw what {@link EdgeAgent#record(int, long, double)} throws.
 */
public interface SampleSink {
  /** A numeric sample of the signal at {@code vssPath}. */
  void record(String vssPath, long timeMillis, double value);

  /** A boolean sample. */
  void record(String vssPath, long timeMillis, boolean value);

  /** A text sample. */
  void record(String vssPath, long timeMillis, String value);

  /** A discrete event. */
  void raise(VehicleEvent event);
}
