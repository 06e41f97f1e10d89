package io.spime.twin.customer;

import io.spime.twin.custody.PartyId;
import java.util.List;
import java.util.Objects;

/**
 * The customer master record: kept apart from any car so it follows the customer to every car.
 *
 * @param id the customer's stable party id
 * @param version 1 after creation, +1 per profile change
 * @param profile preferences and consents
 * @param interactions every interaction, oldest first
 */
public record CustomerRecord(PartyId id, long version, CustomerProfile profile, List<Interaction> interactions) {
  public CustomerRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(profile, "profile");
    interactions = List.copyOf(interactions);
  }
}
