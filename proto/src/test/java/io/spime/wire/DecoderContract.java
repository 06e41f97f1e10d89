package io.spime.wire;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * Holds a decoder to its contract on any input: it returns a value or refuses with a {@link
 * WireException} (any other exception escapes and fails the fuzz test), and it never takes more heap
 * than the payload's {@link DecodeBudget}.
 */
final class DecoderContract {
  private DecoderContract() {}

  /**
   * The decoded value, or empty if the decoder refused the payload with a WireException. It decodes
   * twice and measures the second time: the first loads (and, while fuzzing, instruments) the classes
   * of the path the payload takes, which costs heap that is no part of decoding.
   */
  static <T> Optional<T> decode(byte[] payload, Function<byte[], T> decoder) {
    Object[] decoded = new Object[1];
    HeapMeter.allocatedBy(() -> decoder.apply(payload));
    long allocated = HeapMeter.allocatedBy(() -> decoded[0] = decoder.apply(payload));
    long budget = DecodeBudget.forPayload(payload.length);
    if (allocated > budget) {
      throw new AssertionError(String.format("decoding %,d bytes took %,d bytes of heap, over the "
          + "budget of %,d", payload.length, allocated, budget));
    }
    @SuppressWarnings("unchecked")
    T value = (T) decoded[0];
    return Optional.ofNullable(value);
  }

  /** The payload after a one-byte selector, which picks the decoder of a multi-decoder test. */
  static byte[] afterSelector(byte[] input) {
    return Arrays.copyOfRange(input, 1, input.length);
  }
}
