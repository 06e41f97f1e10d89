package io.spime.twin.experience;

import io.spime.twin.custody.PartyId;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of a customer's touchpoints to read, across all their vehicles and agreements, newest first.
 *
 * @param customer whose timeline
 * @param phase only this journey phase, if given
 * @param vehicle only touchpoints about this car, if given
 * @param from only touchpoints starting at or after this instant, if given
 * @param before only touchpoints starting before this instant, if given
 */
public record TimelineQuery(
    PartyId customer, Optional<JourneyPhase> phase, Optional<AssetId> vehicle, Optional<Instant> from,
    Optional<Instant> before) {
  public TimelineQuery {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(vehicle, "vehicle");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(before, "before");
    if (from.isPresent() && before.isPresent() && !before.get().isAfter(from.get())) {
      throw new IllegalArgumentException("timeline 'before' " + before.get() + " must be after 'from' " + from.get());
    }
  }

  /** Every touchpoint of the customer. */
  public static TimelineQuery of(PartyId customer) {
    return new TimelineQuery(customer, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The same query narrowed to one journey phase. */
  public TimelineQuery inPhase(JourneyPhase p) {
    return new TimelineQuery(customer, Optional.of(p), vehicle, from, before);
  }

  /** The same query narrowed to one car. */
  public TimelineQuery about(AssetId vin) {
    return new TimelineQuery(customer, phase, Optional.of(vin), from, before);
  }

  /** The same query narrowed to touchpoints starting in {@code [start, end)}. */
  public TimelineQuery between(Instant start, Instant end) {
    return new TimelineQuery(customer, phase, vehicle, Optional.of(start), Optional.of(end));
  }
}
