package io.spime.sim.internal;

import io.spime.wire.Vin;
import java.util.Random;

/** Makes valid, repeatable VINs for simulated cars (check digit included). */
public final class VinFactory {
  private static final String ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
  private static final String FLEET_WMI = "SPM";
  private static final char FLEET_PLANT = 'A';

  private VinFactory() {}

  /** The VIN of car {@code index} in a fleet of this seed: same inputs, same VIN. */
  static Vin vin(long seed, int index) {
    return vin(FLEET_WMI, FLEET_PLANT, seed, index);
  }

  /**
   * The VIN of car {@code index} for this seed under another manufacturer code and plant letter, so
   * other tools (the benchmark) draw VINs apart from the simulator's fleets.
   */
  public static Vin vin(String wmi, char plant, long seed, int index) {
    Random random = new Random(seed * 1_000_003L + index);
    StringBuilder text = new StringBuilder(wmi);
    for (int i = 0; i < 5; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    text.append('0');
    text.append('T');
    text.append(plant);
    text.append(String.format("%06d", index));
    text.setCharAt(8, Vin.checkDigitOf(text.toString()));
    return Vin.parse(text.toString());
  }
}
