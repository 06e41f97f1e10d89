package io.spime.twin;

import io.spime.wire.Vin;
import java.util.Locale;

/** Valid VINs with correct check digits for tests. */
final class TestVins {
  private TestVins() {}

  static Vin vin(int n) {
    String raw = "WVWZZZ1K0" + String.format(Locale.ROOT, "%08d", n);
    char check = Vin.checkDigitOf(raw);
    return Vin.parse(raw.substring(0, 8) + check + raw.substring(9));
  }
}
