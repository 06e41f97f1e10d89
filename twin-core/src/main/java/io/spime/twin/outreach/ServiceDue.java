package io.spime.twin.outreach;

import io.spime.twin.Twin;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.twin.lifecycle.PhaseChange;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * A vehicle's next service: one {@link #INTERVAL} after its last workshop visit, or after it first went
 * into service if it has had none.
 *
 * @param vin the vehicle
 * @param due the day the service falls due (UTC)
 * @param lastService the day of the last workshop visit; empty if none
 */
public record ServiceDue(AssetId vin, LocalDate due, Optional<LocalDate> lastService) {
  /** The service interval. */
  public static final Period INTERVAL = Period.ofYears(1);

  public ServiceDue {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(lastService, "lastService");
  }

  /** The next service of a vehicle in service or off the road now; empty for any other phase. */
  public static Optional<ServiceDue> of(Twin twin) {
    LifecyclePhase phase = twin.phase().orElse(LifecyclePhase.PRODUCED);
    if (phase != LifecyclePhase.IN_SERVICE && phase != LifecyclePhase.OFF_ROAD) {
      return Optional.empty();
    }
    Optional<LocalDate> last = twin.serviceHistory().isEmpty() ? Optional.empty()
        : Optional.of(day(twin.serviceHistory().get(twin.serviceHistory().size() - 1).at()));
    Optional<LocalDate> from = last.or(() -> twin.phaseHistory().stream()
        .filter(p -> p.to() == LifecyclePhase.IN_SERVICE).findFirst().map(PhaseChange::at).map(ServiceDue::day));
    return from.map(d -> new ServiceDue(twin.vin(), d.plus(INTERVAL), last));
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
