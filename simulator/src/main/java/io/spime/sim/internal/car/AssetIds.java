package io.spime.sim.internal.car;

import io.spime.wire.AssetId;
import io.spime.wire.AssetKind;
import io.spime.wire.IdScheme;
import java.util.Random;

/**
 * Makes valid, repeatable ids for simulated assets of every kind, and tells the kind back from the
 * id: a car's VIN ({@link VinFactory}), a trailer's VIN (manufacturer code {@code SPT}), a boat's
 * HIN per ISO 10087 ({@code HIN-SPM…}) and a frame number whose first two characters name the kind
 * ({@code FRM-BC…} bicycle, {@code FRM-EB…} e-bike, {@code FRM-ES…} e-scooter).
 */
public final class AssetIds {
  private static final String SERIAL_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
  private static final String TRAILER_WMI = "SPT";
  private static final char TRAILER_PLANT = 'C';
  private static final String BOAT_MAKER = "SPM";

  private AssetIds() {}

  /** The id of asset {@code index} of this kind in a fleet of this seed: same inputs, same id. */
  public static AssetId of(AssetKind kind, long seed, int index) {
    return switch (kind) {
      case CAR -> VinFactory.vin(seed, index);
      case TRAILER -> VinFactory.vin(TRAILER_WMI, TRAILER_PLANT, seed, index);
      case BOAT -> hin(seed, index);
      case BICYCLE -> frameNumber("BC", seed, index);
      case E_BIKE -> frameNumber("EB", seed, index);
      case E_SCOOTER -> frameNumber("ES", seed, index);
    };
  }

  /** The kind of an id this class (or {@link VinFactory}) made; any other VIN is a car's. */
  public static AssetKind kindOf(AssetId id) {
    String value = id.value();
    return switch (id.scheme()) {
      case VIN -> value.startsWith(TRAILER_WMI) ? AssetKind.TRAILER : AssetKind.CAR;
      case HIN -> AssetKind.BOAT;
      case FRAME_NUMBER -> {
        String code = value.substring(IdScheme.FRAME_NUMBER.prefix().length(),
            IdScheme.FRAME_NUMBER.prefix().length() + 2);
        yield switch (code) {
          case "EB" -> AssetKind.E_BIKE;
          case "ES" -> AssetKind.E_SCOOTER;
          default -> AssetKind.BICYCLE;
        };
      }
    };
  }

  /**
   * {@code HIN-SPM} then a 5-character serial (the index, base 33, so unique up to 39 million),
   * the month and year digit of production and the model year (the same year).
   */
  private static AssetId hin(long seed, int index) {
    Random random = new Random(seed * 1_000_003L + index);
    StringBuilder serial = new StringBuilder();
    int rest = index;
    for (int i = 0; i < 5; i++) {
      serial.insert(0, SERIAL_ALPHABET.charAt(rest % SERIAL_ALPHABET.length()));
      rest /= SERIAL_ALPHABET.length();
    }
    char month = (char) ('A' + random.nextInt(12));
    int year = random.nextInt(10);
    return AssetId.parse(IdScheme.HIN.prefix() + BOAT_MAKER + serial + month + year + "2" + year);
  }

  /** {@code FRM-}, the kind's code, 4 seeded characters and the index in 6 digits. */
  private static AssetId frameNumber(String kindCode, long seed, int index) {
    Random random = new Random(seed * 1_000_003L + index);
    StringBuilder text = new StringBuilder(IdScheme.FRAME_NUMBER.prefix()).append(kindCode);
    for (int i = 0; i < 4; i++) {
      text.append(SERIAL_ALPHABET.charAt(random.nextInt(SERIAL_ALPHABET.length())));
    }
    text.append(String.format("%06d", index));
    return AssetId.parse(text.toString());
  }
}
