package io.spime.twin.event;

import io.spime.twin.identity.ProductionRecord;
import io.spime.twin.identity.VehicleIdentity;
import java.util.Objects;

/**
 * The car left the line: the first event of every twin; the phase becomes PRODUCED.
 *
 * @param identity what the car is
 * @param production how it was built
 */
public record VehicleProduced(VehicleIdentity identity, ProductionRecord production) implements TwinEvent {
  public VehicleProduced {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(production, "production");
  }
}
