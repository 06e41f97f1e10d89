package io.spime.wire;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an asset is, and the {@linkplain IdScheme identity scheme} its {@link AssetId} uses. */
public enum AssetKind {
  /** A car: VIN. */
  CAR(IdScheme.VIN),
  /** A trailer: VIN (ISO 3779 covers trailers). */
  TRAILER(IdScheme.VIN),
  /** A bicycle: frame number. */
  BICYCLE(IdScheme.FRAME_NUMBER),
  /** A pedal-assisted e-bike: frame number. */
  E_BIKE(IdScheme.FRAME_NUMBER),
  /** An e-scooter: frame number. */
  E_SCOOTER(IdScheme.FRAME_NUMBER),
  /** A boat (small craft up to 24 m): HIN per ISO 10087. */
  BOAT(IdScheme.HIN);

  private final IdScheme scheme;

  AssetKind(IdScheme scheme) {
    this.scheme = scheme;
  }

  /** The identity scheme of this kind's ids. */
  public IdScheme scheme() {
    return scheme;
  }

  /** Whether this id is of this kind's scheme. */
  public boolean accepts(AssetId id) {
    return id.scheme() == scheme;
  }

  /** The name used in JSON and query strings: {@code car}, {@code e-bike}, {@code e-scooter}, … */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The wire name with its article, for messages: {@code a car}, {@code an e-bike}. */
  public String named() {
    return ("aeiou".indexOf(wireName().charAt(0)) >= 0 ? "an " : "a ") + wireName();
  }

  /**
   * The kind with this wire name or enum name, in any case ({@code e-bike}, {@code E_BIKE}).
   *
   * @throws IllegalArgumentException naming the known kinds if there is no such kind
   */
  public static AssetKind of(String text) {
    if (text != null) {
      String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
      for (AssetKind kind : values()) {
        if (kind.name().equals(name)) {
          return kind;
        }
      }
    }
    throw new IllegalArgumentException("unknown asset kind '" + text + "', expected one of "
        + Arrays.stream(values()).map(AssetKind::wireName).collect(Collectors.joining(", ")));
  }
}
