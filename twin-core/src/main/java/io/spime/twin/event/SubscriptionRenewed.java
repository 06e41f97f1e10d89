package io.spime.twin.event;

import io.spime.twin.custody.Term;
import java.util.Objects;

/**
 * An active subscription gets a new term.
 *
 * @param subscriptionId the subscription
 * @param term the new term
 */
public record SubscriptionRenewed(String subscriptionId, Term term) implements TwinEvent {
  public SubscriptionRenewed {
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(term, "term");
  }
}
