package io.spime.twin.optin;

import io.spime.twin.experience.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * When and where an opt-in was withdrawn.
 *
 * @param at when
 * @param channel where the customer withdrew it
 */
public record Withdrawal(Instant at, Channel channel) {
  public Withdrawal {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(channel, "channel");
  }
}
