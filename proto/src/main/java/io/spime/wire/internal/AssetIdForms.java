package io.spime.wire.internal;

import io.spime.wire.IdScheme;
import io.spime.wire.InvalidAssetIdException;

/** The canonical forms of the asset id schemes beside the VIN: ISO 10087 HINs and frame numbers. */
public final class AssetIdForms {
  /** Fewest characters of a frame number after its prefix. */
  public static final int FRAME_MIN = 5;
  /** Most characters of a frame number after its prefix: it must fit a topic level and a path. */
  public static final int FRAME_MAX = 20;

  private AssetIdForms() {}

  /**
   * Checks {@code HIN-[CC-]MMMSSSSSPYMY}: optional ISO 3166 country code, manufacturer
   * identification code (3 letters), serial (5 of A–Z, 0–9 without I, O, Q), month of production
   * (A = January to L = December), year of production (1 digit) and model year (2 digits), which
   * is the production year or the next.
   */
  public static void checkHin(String value) {
    String body = value.substring(IdScheme.HIN.prefix().length());
    String rest = body;
    if (body.length() == 15) {
      String country = body.substring(0, 2);
      if (body.charAt(2) != '-' || !letters(country)) {
        throw hin(value, "starts with '" + body.substring(0, 3)
            + "': a country prefix is 2 letters (ISO 3166) and a hyphen");
      }
      rest = body.substring(3);
    } else if (body.length() != 12) {
      throw hin(value, "has " + body.length() + " characters after HIN-, expected 12, or 15 with"
          + " a country prefix such as US-");
    }
    String maker = rest.substring(0, 3);
    if (!letters(maker)) {
      throw hin(value, "has manufacturer code '" + maker + "': expected 3 letters");
    }
    String serial = rest.substring(3, 8);
    for (char c : serial.toCharArray()) {
      if (!alphanumeric(c) || c == 'I' || c == 'O' || c == 'Q') {
        throw hin(value, "has '" + c + "' in serial '" + serial
            + "': expected 5 of A-Z and 0-9 without I, O and Q");
      }
    }
    char month = rest.charAt(8);
    if (month < 'A' || month > 'L') {
      throw hin(value, "has month of production '" + month
          + "': expected A (January) to L (December)");
    }
    char year = rest.charAt(9);
    String modelYear = rest.substring(10, 12);
    if (!digit(year)) {
      throw hin(value, "has year of production '" + year + "': expected a digit");
    }
    if (!digit(modelYear.charAt(0)) || !digit(modelYear.charAt(1))) {
      throw hin(value, "has model year '" + modelYear + "': expected 2 digits");
    }
    int produced = year - '0';
    int model = modelYear.charAt(1) - '0';
    if (model != produced && model != (produced + 1) % 10) {
      throw hin(value, "has model year " + modelYear + " for production year digit " + year
          + ": the model year is the year of production or the next");
    }
  }

  /** Checks {@code FRM-} followed by 5 to 20 of A–Z and 0–9. */
  public static void checkFrameNumber(String value) {
    String body = value.substring(IdScheme.FRAME_NUMBER.prefix().length());
    if (body.length() < FRAME_MIN || body.length() > FRAME_MAX) {
      throw new InvalidAssetIdException(IdScheme.FRAME_NUMBER, "frame number '" + value + "' has "
          + body.length() + " characters after FRM-, expected " + FRAME_MIN + " to " + FRAME_MAX);
    }
    for (int i = 0; i < body.length(); i++) {
      if (!alphanumeric(body.charAt(i))) {
        throw new InvalidAssetIdException(IdScheme.FRAME_NUMBER, "frame number '" + value
            + "' has '" + body.charAt(i) + "' at position " + (i + 1)
            + " after FRM-: only A-Z and 0-9 are allowed");
      }
    }
  }

  private static InvalidAssetIdException hin(String value, String fault) {
    return new InvalidAssetIdException(IdScheme.HIN, "HIN '" + value + "' " + fault);
  }

  private static boolean letters(String text) {
    return text.chars().allMatch(c -> c >= 'A' && c <= 'Z');
  }

  private static boolean alphanumeric(char c) {
    return (c >= 'A' && c <= 'Z') || digit(c);
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }
}
