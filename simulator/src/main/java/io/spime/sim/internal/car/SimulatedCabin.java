package io.spime.sim.internal.car;

import io.spime.agent.ActuatorSink;
import io.spime.wire.state.DriverProfile;
import java.util.Optional;

/** A simulated car's seats, climate and media: it takes whatever profile the cloud asks for. */
final class SimulatedCabin implements ActuatorSink {
  private volatile DriverProfile current;

  @Override
  public void applyProfile(DriverProfile profile) {
    current = profile;
  }

  /** The profile applied last, if any. */
  Optional<DriverProfile> current() {
    return Optional.ofNullable(current);
  }
}
