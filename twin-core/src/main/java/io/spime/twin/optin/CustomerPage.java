package io.spime.twin.optin;

import io.spime.twin.custody.PartyId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of customers, by customer id.
 *
 * @param customers the customers of the page, in id order
 * @param next the cursor of the next page; empty on the last one
 */
public record CustomerPage(List<PartyId> customers, Optional<String> next) {
  public CustomerPage {
    customers = List.copyOf(customers);
    Objects.requireNonNull(next, "next");
  }
}
