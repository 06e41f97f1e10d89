package io.spime.sim.internal.car;

import io.spime.wire.AssetId;
import java.util.Random;

/** Makes valid, repeatable VINs for simulated cars and benchmark cars (check digit included). */
public final class VinFactory {
  private static final String ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
  private static final String FLEET_WMI = "SPM";
  private static final char FLEET_PLANT = 'A';
  private static final String BENCHMARK_WMI = "SPB";
  private static final char BENCHMARK_PLANT = 'B';

  private VinFactory() {}

  /** The VIN of car {@code index} in a fleet of this seed: same inputs, same VIN. */
  public static AssetId vin(long seed, int index) {
    return vin(FLEET_WMI, FLEET_PLANT, seed, index);
  }

  /**
   * The VIN of benchmark car {@code index} for this seed, apart from every fleet's (manufacturer code
   * SPB instead of SPM): same inputs, same VIN.
   */
  public static AssetId benchmarkVin(long seed, int index) {
    return vin(BENCHMARK_WMI, BENCHMARK_PLANT, seed, index);
  }

  static AssetId vin(String wmi, char plant, long seed, int index) {
    Random random = new Random(seed * 1_000_003L + index);
    StringBuilder text = new StringBuilder(wmi);
    for (int i = 0; i < 5; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    text.append('0');
    text.append('T');
    text.append(plant);
    text.append(String.format("%06d", index));
    text.setCharAt(8, AssetId.checkDigitOf(text.toString()));
    return AssetId.parse(text.toString());
  }
}
