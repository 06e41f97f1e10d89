package io.spime.twin.optin;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id by which one partner knows one customer: random and unguessable (128 bits), the same every
 * time for the same partner and customer, and different for every partner.
 *
 * @param value {@code pp-} and 26 characters of {@code a-z 2-7}
 */
public record Pseudonym(String value) {
  private static final Pattern FORM = Pattern.compile("pp-[a-z2-7]{26}");

  /**
   * @throws IllegalArgumentException if the value is not a pseudonym's form
   */
  public Pseudonym {
    Objects.requireNonNull(value, "pseudonym");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("pseudonym '" + (value.length() > 64 ? value.substring(0, 64) + "…" : value)
          + "' must be 'pp-' and 26 characters of a-z 2-7");
    }
  }

  /**
   * The pseudonym of this text.
   *
   * @throws IllegalArgumentException if the text is not a pseudonym's form
   */
  public static Pseudonym of(String value) {
    return new Pseudonym(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
