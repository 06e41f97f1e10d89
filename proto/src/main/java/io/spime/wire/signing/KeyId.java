package io.spime.wire.signing;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a downlink signing key, carried in every envelope so that a car can pick the pinned
 * public key to verify it with: 1–64 characters of {@code A–Z a–z 0–9 . _ -}.
 *
 * @param value the name
 */
public record KeyId(String value) {
  /** Longest key id, in characters (one byte each on the wire). */
  public static final int MAX_LENGTH = 64;
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

  public KeyId {
    Objects.requireNonNull(value, "value");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("key id must be 1-" + MAX_LENGTH
          + " characters of A-Z a-z 0-9 . _ -, was '" + printable(value) + "'");
    }
  }

  /**
   * A key id from its text.
   *
   * @throws IllegalArgumentException if the text is not a valid key id
   */
  public static KeyId of(String value) {
    return new KeyId(value);
  }

  static String printable(String text) {
    String cut = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }

  @Override
  public String toString() {
    return value;
  }
}
