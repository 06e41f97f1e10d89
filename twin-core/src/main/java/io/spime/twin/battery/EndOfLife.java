package io.spime.twin.battery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The end-of-life record, filled in as the car is deregistered, dismantled and recycled.
 *
 * @param deregisteredAt when deregistered
 * @param authority who deregistered it
 * @param dismantledAt when dismantled
 * @param dismantler the authorised treatment facility
 * @param batteryFate what happened to the traction battery
 * @param recycledAt when the remains were recycled
 * @param recycler who recycled them
 * @param recovered materials recovered at dismantling and recycling
 */
public record EndOfLife(
    Optional<Instant> deregisteredAt,
    Optional<String> authority,
    Optional<Instant> dismantledAt,
    Optional<String> dismantler,
    Optional<BatteryFate> batteryFate,
    Optional<Instant> recycledAt,
    Optional<String> recycler,
    List<RecoveredMaterial> recovered) {
  /** Nothing of the end of life yet. */
  public static final EndOfLife NONE =
      new EndOfLife(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), List.of());

  public EndOfLife {
    Objects.requireNonNull(deregisteredAt, "deregisteredAt");
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(dismantledAt, "dismantledAt");
    Objects.requireNonNull(dismantler, "dismantler");
    Objects.requireNonNull(batteryFate, "batteryFate");
    Objects.requireNonNull(recycledAt, "recycledAt");
    Objects.requireNonNull(recycler, "recycler");
    recovered = List.copyOf(recovered);
  }
}
