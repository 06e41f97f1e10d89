package io.spime.twin.customer;

import io.spime.twin.internal.Checks;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One contact with a customer, with or without a car.
 *
 * @param at when
 * @param channel such as {@code app}, {@code phone}, {@code dealer}
 * @param vin the car it was about, if any
 * @param summary what it was about
 */
public record Interaction(Instant at, String channel, Optional<AssetId> vin, String summary) {
  public Interaction {
    Objects.requireNonNull(at, "at");
    Checks.text(channel, "channel");
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(summary, "summary");
  }

  /** An interaction about no particular vehicle. */
  public static Interaction of(Instant at, String channel, String summary) {
    return new Interaction(at, channel, Optional.empty(), summary);
  }

  /** The same interaction about a vehicle. */
  public Interaction about(AssetId vehicle) {
    return new Interaction(at, channel, Optional.of(vehicle), summary);
  }
}
