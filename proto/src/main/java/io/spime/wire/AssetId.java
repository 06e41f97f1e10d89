package io.spime.wire;

import io.spime.wire.internal.AssetIdForms;
import java.util.Locale;

/**
 * The id of an asset (car, trailer, bicycle, e-bike, e-scooter, boat) in one of three
 * {@linkplain IdScheme schemes}, told apart by prefix:
 *
 * <ul>
 *   <li>a vehicle identification number per ISO 3779, unprefixed: 17 characters from {@code A–Z}
 *       and {@code 0–9} without {@code I}, {@code O} and {@code Q}, with the North American check
 *       digit at position 9 (cars, trailers);
 *   <li>a craft identification number per ISO 10087, {@code HIN-[CC-]MMMSSSSSPYMY} (boats);
 *   <li>a frame number, {@code FRM-} and 5 to 20 of {@code A–Z} and {@code 0–9} (bicycles,
 *       e-bikes, e-scooters).
 * </ul>
 *
 * <p>Every form is safe as an MQTT topic level and a URL path segment. {@link #parse(String)}
 * verifies a VIN's check digit; {@link #parseLenient(String)} skips it for markets that do not use
 * one. Both upper-case the input; the other schemes are checked the same by both.
 */
public record AssetId(String value) {
  private static final String TRANSLITERATION = "0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ";
  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  /**
   * Validates the canonical form of its scheme; use {@link #parse} or {@link #parseLenient}.
   *
   * @throws InvalidVinException if an unprefixed value is not 17 allowed characters
   * @throws InvalidAssetIdException if a {@code HIN-} or {@code FRM-} value is not of that form
   */
  public AssetId {
    if (value == null) {
      throw new InvalidVinException("VIN is missing");
    }
    switch (IdScheme.of(value)) {
      case HIN -> AssetIdForms.checkHin(value);
      case FRAME_NUMBER -> AssetIdForms.checkFrameNumber(value);
      case VIN -> checkForm(value);
    }
  }

  /**
   * Parses an asset id, picking the scheme by its prefix; a VIN's check digit is verified.
   *
   * @throws InvalidVinException naming what is wrong: length, a character, or the check digit
   * @throws InvalidAssetIdException naming the scheme and the fault of a HIN or frame number
   */
  public static AssetId parse(String text) {
    AssetId vin = parseLenient(text);
    if (vin.scheme() != IdScheme.VIN) {
      return vin;
    }
    char expected = checkDigitOf(vin.value);
    if (vin.value.charAt(8) != expected) {
      throw new InvalidVinException(
          "VIN " + vin.value + " has check digit '" + vin.value.charAt(8)
              + "' at position 9, expected '" + expected + "'");
    }
    return vin;
  }

  /**
   * Parses an asset id without verifying a VIN's check digit.
   *
   * @throws InvalidVinException if an unprefixed text is not 17 allowed characters
   * @throws InvalidAssetIdException naming the scheme and the fault of a HIN or frame number
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

  /** The scheme of this id. */
  public IdScheme scheme() {
    return IdScheme.of(value);
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
