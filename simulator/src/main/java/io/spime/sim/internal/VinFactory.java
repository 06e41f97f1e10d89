package io.spime.sim.internal;

import io.spime.wire.Vin;
import java.util.Random;

/** Makes valid, repeatable VINs for simulated cars (check digit included). */
final class VinFactory {
  private static final String ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
  private static final String WMI = "SPM";

  private VinFactory() {}

  /** The VIN of car {@code index} in a fleet of this seed: same inputs, same VIN. */
  static Vin vin(long seed, int index) {
    Random random = new Random(seed * 1_000_003L + index);
    StringBuilder text = new StringBuilder(WMI);
    for (int i = 0; i < 5; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    text.append('0');
    text.append('T');
    text.append('A');
    text.append(String.format("%06d", index));
    char check = Vin.checkDigitOf(text.toString());
    text.setCharAt(8, check);
    return Vin.parse(text.toString());
  }
}
