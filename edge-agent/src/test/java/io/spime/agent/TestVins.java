package io.spime.agent;

import io.spime.wire.Vin;
import java.util.concurrent.atomic.AtomicInteger;

/** Distinct valid VINs for tests, so tests sharing a broker never see each other's topics. */
final class TestVins {
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
  private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() & 0xffff));

  private TestVins() {}

  static Vin next() {
    int n = NEXT.incrementAndGet();
    StringBuilder tail = new StringBuilder();
    long x = (n & 0xffffffffL) ^ (System.nanoTime() << 20);
    for (int i = 0; i < 8; i++) {
      tail.append(ALPHABET.charAt((int) Math.floorMod(x, ALPHABET.length())));
      x /= ALPHABET.length();
    }
    String raw = "WSPTEST0" + "0" + tail;
    char check = Vin.checkDigitOf(raw);
    return Vin.parse(raw.substring(0, 8) + check + raw.substring(9));
  }
}
