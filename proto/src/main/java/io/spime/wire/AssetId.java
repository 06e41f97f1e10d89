package io.spime.wire;

import java.util.Locale;

/**
 * A vehicle identification number per ISO 3779: 17 characters from {@code A–Z} and {@code 0–9}
 * without {@code I}, {@code O} and {@code Q}, with the North American check digit at position 9.
 *
 * <p>{@link #parse(String)} verifies the check digit; {@link #parseLenient(String)} skips it for
 * markets that do not use one. Both upper-case the input.
 */
public record AssetId(String value) {
  private static final String TRANSLITERATION = "0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ";
  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  /**
   * Validates the form (length and characters); use {@link #parse} or {@link #parseLenient}.
   *
   * @throws InvalidVinException if the value is not 17 allowed characters
   */
  public AssetId {
    checkForm(value);
  }

  /**
   * Parses a VIN and verifies its check digit.
   *
   * @throws InvalidVinException naming what is wrong: length, a character, or the check digit
   */
  public static AssetId parse(String text) {
    AssetId vin = parseLenient(text);
    char expected = checkDigitOf(vin.value);
    if (vin.value.charAt(8) != expected) {
      throw new InvalidVinException(
          "VIN " + vin.value + " has check digit '" + vin.value.charAt(8)
              + "' at position 9, expected '" + expected + "'");
    }
    return vin;
  }

  /**
   * Parses a VIN without verifying the check digit.
   *
   * @throws InvalidVinException if the text is not 17 allowed characters
   */
  public static AssetId parseLenient(String text) {
    if (text == null) {
      throw new InvalidVinException("VIN is missing");
    }
    return new AssetId(text.strip().toUpperCase(Locale.ROOT));
  }

  /** The check digit ({@code 0–9} or {@code X}) that position 9 must hold for these characters. */
  public static char checkDigitOf(String seventeen) {
    checkForm(seventeen);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += TRANSLITERATION.indexOf(seventeen.charAt(i)) % 10 * WEIGHTS[i];
    }
    int remainder = sum % 11;
    return remainder == 10 ? 'X' : (char) ('0' + remainder);
  }

  @Override
  public String toString() {
    return value;
  }

  private static void checkForm(String value) {
    if (value == null) {
      throw new InvalidVinException("VIN is missing");
    }
    if (value.length() != 17) {
      throw new InvalidVinException(
          "VIN '" + value + "' has " + value.length() + " characters, expected 17");
    }
    for (int i = 0; i < 17; i++) {
      char c = value.charAt(i);
      if (c == 'I' || c == 'O' || c == 'Q') {
        throw new InvalidVinException(
            "VIN '" + value + "' has '" + c + "' at position " + (i + 1)
                + ": I, O and Q are not allowed");
      }
      boolean allowed = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
      if (!allowed) {
        throw new InvalidVinException(
            "VIN '" + value + "' has '" + c + "' at position " + (i + 1)
                + ": only A-Z and 0-9 are allowed");
      }
    }
  }
}
