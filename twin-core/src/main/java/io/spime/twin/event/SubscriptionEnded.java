package io.spime.twin.event;

import java.util.Objects;

/**
 * An active subscription ends.
 *
 * @param subscriptionId the subscription
 */
public record SubscriptionEnded(String subscriptionId) implements TwinEvent {
  public SubscriptionEnded {
    Objects.requireNonNull(subscriptionId, "subscriptionId");
  }
}
