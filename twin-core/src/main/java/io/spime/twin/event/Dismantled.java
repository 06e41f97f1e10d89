package io.spime.twin.event;

import io.spime.twin.BatteryFate;
import io.spime.twin.RecoveredMaterial;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The car was dismantled at a treatment facility; the phase becomes DISMANTLED.
 *
 * @param facility the authorised treatment facility
 * @param recovered materials and parts recovered
 * @param batteryFate what happened to the traction battery, if the car had one
 */
public record Dismantled(String facility, List<RecoveredMaterial> recovered, Optional<BatteryFate> batteryFate)
    implements TwinEvent {
  public Dismantled {
    Objects.requireNonNull(facility, "facility");
    recovered = List.copyOf(recovered);
    Objects.requireNonNull(batteryFate, "batteryFate");
  }
}
