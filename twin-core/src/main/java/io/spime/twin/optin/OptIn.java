package io.spime.twin.optin;

import io.spime.twin.custody.PartyId;
import io.spime.twin.experience.Channel;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One opt-in as recorded: never overwritten; a withdrawal is added to it, and agreeing again (a new
 * text version) is a new opt-in. Personal data of its customer.
 *
 * @param id the store's id of this record
 * @param customer who agreed ({@link PartyId#ERASED} once they were erased)
 * @param purpose to what
 * @param recipient who receives the data or makes the contact
 * @param textVersion the version of the text agreed to
 * @param channel where it was given
 * @param given when it was given
 * @param withdrawal when and where it was withdrawn, if it was
 */
public record OptIn(long id, PartyId customer, Purpose purpose, PartyId recipient, String textVersion, Channel channel,
    Instant given, Optional<Withdrawal> withdrawal) {
  public OptIn {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(textVersion, "textVersion");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(withdrawal, "withdrawal");
  }

  /** True while not withdrawn. */
  public boolean active() {
    return withdrawal.isEmpty();
  }
}
