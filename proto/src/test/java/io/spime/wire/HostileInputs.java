package io.spime.wire;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;

/** Truncation, garbage and mutation runs shared by the hostile-input tests of the codecs. */
final class HostileInputs {
  private HostileInputs() {}

  /** Every proper prefix of a valid payload is refused with a WireException. */
  static void assertEveryTruncationRefused(byte[] payload, Consumer<byte[]> decode) {
    for (int length = 0; length < payload.length; length++) {
      byte[] cut = Arrays.copyOf(payload, length);
      assertThrows(WireException.class, () -> decode.accept(cut), "cut at " + length);
    }
  }

  /** Random bytes are refused with a WireException (never another exception). */
  static void assertGarbageRefused(long seed, int runs, int maxLength, Consumer<byte[]> decode) {
    Random random = new Random(seed);
    for (int i = 0; i < runs; i++) {
      byte[] garbage = new byte[random.nextInt(maxLength)];
      random.nextBytes(garbage);
      assertThrows(WireException.class, () -> decode.accept(garbage), "garbage #" + i);
    }
  }

  /** Mutations of a valid payload decode or fail with a WireException; returns how many failed. */
  static int mutate(byte[] valid, long seed, int runs, Consumer<byte[]> decode) {
    Random random = new Random(seed);
    int refused = 0;
    for (int i = 0; i < runs; i++) {
      byte[] mutated = valid.clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
      }
      refused += decodesOrRefuses(mutated, decode, "mutation #" + i) ? 0 : 1;
    }
    return refused;
  }

  /** True if it decoded, false if refused with a WireException; fails the test on anything else. */
  static boolean decodesOrRefuses(byte[] payload, Consumer<byte[]> decode, String what) {
    try {
      decode.accept(payload);
      return true;
    } catch (WireException e) {
      return false;
    } catch (RuntimeException | Error e) {
      fail(what + " threw " + e, e);
      return false;
    }
  }
}
