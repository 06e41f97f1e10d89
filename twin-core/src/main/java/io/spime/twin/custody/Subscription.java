package io.spime.twin.custody;

import io.spime.twin.internal.Checks;
import java.util.Objects;

/**
 * A subscription bound to the car: connected services, a feature on demand, a car subscription.
 *
 * @param id the subscription's id
 * @param product what is subscribed
 * @param subscriber who pays
 * @param term its current term
 * @param active false once ended
 */
public record Subscription(String id, String product, PartyId subscriber, Term term, boolean active) {
  public Subscription {
    Checks.text(id, "subscription id");
    Checks.text(product, "product");
    Objects.requireNonNull(subscriber, "subscriber");
    Objects.requireNonNull(term, "term");
  }
}
