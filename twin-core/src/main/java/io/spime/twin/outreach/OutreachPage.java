package io.spime.twin.outreach;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of an outreach list, by customer id. A page of service reminders may hold fewer contacts than
 * asked for, even none, while {@code next} is present: follow it.
 *
 * @param contacts the customers of the page
 * @param next the cursor of the next page; empty on the last one
 */
public record OutreachPage(List<OutreachContact> contacts, Optional<String> next) {
  public OutreachPage {
    contacts = List.copyOf(contacts);
    Objects.requireNonNull(next, "next");
  }
}
