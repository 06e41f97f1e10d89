package io.spime.testkit;

import io.spime.wire.AssetId;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** Valid ISO 3779 VINs with their check digits: numbered for readable tests, random for shared brokers. */
public final class TestVins {
  /** The characters a VIN may hold: A–Z and 0–9 without I, O and Q. */
  private static final String ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
  private static final int MAX_NUMBER = 99_999_999;

  private TestVins() {}

  /**
   * The same VIN for the same number: {@code WVWZZZ1K?} followed by the number in eight digits, with
   * the check digit in place of {@code ?}.
   *
   * @throws IllegalArgumentException if {@code n} is not between 0 and 99,999,999
   */
  public static AssetId numbered(int n) {
    if (n < 0 || n > MAX_NUMBER) {
      throw new IllegalArgumentException("n must be 0 to " + MAX_NUMBER + ", was " + n);
    }
    return withCheckDigit("WVWZZZ1K0" + String.format(Locale.ROOT, "%08d", n));
  }

  /** A random VIN, so that tests sharing a broker never see each other's topics. */
  public static AssetId random() {
    return random(ThreadLocalRandom.current());
  }

  /** A VIN drawn from {@code random}: the same sequence of VINs for the same seed. */
  public static AssetId random(Random random) {
    StringBuilder draft = new StringBuilder("SPM");
    while (draft.length() < 17) {
      draft.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return withCheckDigit(draft.toString());
  }

  /**
   * This 17-character draft with its ninth character replaced by the check digit of the rest.
   *
   * @throws io.spime.wire.InvalidVinException if the draft is not 17 allowed characters
   */
  public static AssetId withCheckDigit(String draft) {
    AssetId form = AssetId.parseLenient(draft);
    String value = form.value();
    return AssetId.parse(value.substring(0, 8) + AssetId.checkDigitOf(value) + value.substring(9));
  }
}
