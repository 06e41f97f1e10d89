package io.spime.twin.outreach;

import io.spime.twin.custody.PartyId;
import java.util.List;
import java.util.Objects;

/**
 * A customer who may be contacted, and for service reminders the vehicles whose service falls due.
 *
 * @param customer the customer's master id
 * @param serviceDue the customer's vehicles due for service, soonest first; empty for marketing
 */
public record OutreachContact(PartyId customer, List<ServiceDue> serviceDue) {
  public OutreachContact {
    Objects.requireNonNull(customer, "customer");
    serviceDue = List.copyOf(serviceDue);
  }
}
