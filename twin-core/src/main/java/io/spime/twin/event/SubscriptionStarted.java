package io.spime.twin.event;

import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Term;
import java.util.Objects;
import java.util.Optional;

/**
 * A subscription bound to the car starts.
 *
 * @param subscriptionId unique among the car's subscriptions
 * @param product what is subscribed
 * @param subscriber who pays
 * @param term the first term
 */
public record SubscriptionStarted(String subscriptionId, String product, PartyId subscriber, Term term)
    implements TwinEvent {
  public SubscriptionStarted {
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(subscriber, "subscriber");
    Objects.requireNonNull(term, "term");
  }

  @Override
  public Optional<PartyId> subject() {
    return Optional.of(subscriber);
  }

  @Override
  public TwinEvent erased() {
    return new SubscriptionStarted(subscriptionId, product, PartyId.ERASED, term);
  }

}
