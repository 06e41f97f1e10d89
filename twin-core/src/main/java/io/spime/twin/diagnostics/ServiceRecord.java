package io.spime.twin.diagnostics;

import io.spime.twin.identity.ComponentReplacement;
import io.spime.twin.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One workshop visit.
 *
 * @param at when
 * @param workshop who did the work
 * @param odometerKm odometer reading
 * @param work what was done
 * @param replacements components swapped
 */
public record ServiceRecord(
    Instant at, String workshop, long odometerKm, List<String> work, List<ComponentReplacement> replacements) {
  public ServiceRecord {
    Objects.requireNonNull(at, "at");
    Checks.text(workshop, "workshop");
    if (odometerKm < 0) {
      throw new IllegalArgumentException("odometerKm must be 0 or more, was " + odometerKm);
    }
    work = List.copyOf(work);
    replacements = List.copyOf(replacements);
  }
}
