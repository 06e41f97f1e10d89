package io.spime.twin.event;

import io.spime.twin.identity.ComponentReplacement;
import java.util.List;
import java.util.Objects;

/**
 * A workshop visit; each replacement must name the serial the slot holds now.
 *
 * @param workshop who did the work
 * @param odometerKm odometer reading
 * @param work what was done
 * @param replacements components swapped
 */
public record ServiceVisited(
    String workshop, long odometerKm, List<String> work, List<ComponentReplacement> replacements)
    implements TwinEvent {
  public ServiceVisited {
    Objects.requireNonNull(workshop, "workshop");
    if (odometerKm < 0) {
      throw new IllegalArgumentException("odometerKm must be 0 or more, was " + odometerKm);
    }
    work = List.copyOf(work);
    replacements = List.copyOf(replacements);
  }
}
