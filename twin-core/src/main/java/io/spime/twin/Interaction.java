package io.spime.twin;

import io.spime.wire.Vin;
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
public record Interaction(Instant at, String channel, Optional<Vin> vin, String summary) {
  public Interaction {
    Objects.requireNonNull(at, "at");
    Checks.text(channel, "channel");
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(summary, "summary");
  }
}
