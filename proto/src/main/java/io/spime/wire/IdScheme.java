package io.spime.wire;

/**
 * How an {@link AssetId} identifies its asset: the scheme decides the form of the id and its
 * prefix on the wire (none for a VIN, so every existing id keeps its form).
 */
public enum IdScheme {
  /** Vehicle identification number per ISO 3779: 17 characters, no prefix. */
  VIN(""),
  /** Craft (hull) identification number per ISO 10087, written {@code HIN-…}. */
  HIN("HIN-"),
  /** A bicycle's, e-bike's or e-scooter's frame number (the maker's serial), written {@code FRM-…}. */
  FRAME_NUMBER("FRM-");

  private final String prefix;

  IdScheme(String prefix) {
    this.prefix = prefix;
  }

  /** What an id of this scheme starts with on the wire, in topics and in URL paths. */
  public String prefix() {
    return prefix;
  }

  /** The scheme an id in canonical or input form belongs to, by its prefix (a VIN has none). */
  public static IdScheme of(String text) {
    if (text.startsWith(HIN.prefix)) {
      return HIN;
    }
    if (text.startsWith(FRAME_NUMBER.prefix)) {
      return FRAME_NUMBER;
    }
    return VIN;
  }

  /** Human name used in error messages: {@code VIN}, {@code HIN}, {@code frame number}. */
  public String label() {
    return this == FRAME_NUMBER ? "frame number" : name();
  }
}
