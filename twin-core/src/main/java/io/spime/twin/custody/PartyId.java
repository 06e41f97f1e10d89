package io.spime.twin.custody;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable, opaque id of a party: a customer, a company, a fleet operator. Ids carry no personal data
 * themselves; names and contacts live in the customer record.
 *
 * @param value 1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}
 */
public record PartyId(String value) {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /** What a party id reads as once its data subject was erased. */
  public static final PartyId ERASED = new PartyId("erased");

  /**
   * @throws IllegalArgumentException if the value is not 1 to 64 allowed characters
   */
  public PartyId {
    Objects.requireNonNull(value, "party id");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "party id '" + value + "' must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
    }
  }

  /**
   * The party id of this text.
   *
   * @throws IllegalArgumentException if the text is not a valid party id
   */
  public static PartyId of(String value) {
    return new PartyId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
