package io.spime.twin.optin;

import io.spime.twin.custody.PartyId;
import io.spime.twin.experience.Channel;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A customer's agreement to a purpose, as it is given.
 *
 * @param customer who agrees
 * @param purpose to what
 * @param recipient who receives the data or makes the contact; for sharing, the partner named in the purpose
 * @param textVersion the version of the text agreed to: 1 to 64 of {@code A-Z a-z 0-9 . _ : -}
 * @param channel where it was given
 * @param at when it was given
 */
public record OptInGrant(
    PartyId customer, Purpose purpose, PartyId recipient, String textVersion, Channel channel, Instant at) {
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /**
   * @throws IllegalArgumentException if the text version is malformed, or a sharing purpose names another
   *     recipient than its partner
   */
  public OptInGrant {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(textVersion, "textVersion");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(at, "at");
    if (!VERSION.matcher(textVersion).matches()) {
      throw new IllegalArgumentException("textVersion '" + textVersion + "' must be 1 to 64 of A-Z a-z 0-9 . _ : -");
    }
    if (purpose.kind() == PurposeKind.PARTNER_SHARING && !purpose.scope().equals(recipient.value())) {
      throw new IllegalArgumentException("the recipient of sharing with " + purpose.scope() + " must be "
          + purpose.scope() + ", was " + recipient);
    }
    if (customer.equals(PartyId.ERASED)) {
      throw new IllegalArgumentException("'" + customer + "' is the placeholder of erased subjects");
    }
  }
}
