package io.spime.sim.bench;

import io.spime.wire.Vin;
import java.util.Random;

/** Valid, repeatable VINs for benchmark cars (check digit included), apart from the simulator's. */
final class BenchVins {
  private static final String ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
  private static final String WMI = "SPB";

  private BenchVins() {}

  /** The VIN of car {@code index} for this seed: same inputs, same VIN. */
  static Vin vin(long seed, int index) {
    Random random = new Random(seed * 1_000_003L + index);
    StringBuilder text = new StringBuilder(WMI);
    for (int i = 0; i < 5; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    text.append('0');
    text.append('T');
    text.append('B');
    text.append(String.format("%06d", index));
    text.setCharAt(8, Vin.checkDigitOf(text.toString()));
    return Vin.parse(text.toString());
  }
}
