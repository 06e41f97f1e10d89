package io.spime.twin.event;

import io.spime.twin.battery.BatteryFate;
import io.spime.twin.battery.RecoveredMaterial;
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

  /** Dismantled at a facility, the battery's fate not known (yet). */
  public static Dismantled of(String facility, List<RecoveredMaterial> recovered) {
    return new Dismantled(facility, recovered, Optional.empty());
  }

  /** The same record with the battery's fate. */
  public Dismantled withBatteryFate(BatteryFate fate) {
    return new Dismantled(facility, recovered, Optional.of(fate));
  }
}
