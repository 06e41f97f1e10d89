package io.spime.wire;

/**
 * How much heap decoding a payload may cost: {@link #BASE_BYTES} plus {@link
 * #BYTES_PER_PAYLOAD_BYTE} for every byte of the payload, so a 1 MiB telemetry batch may cost at
 * most 5 MiB. Every decoder estimates the cost from the wire bytes before it parses them (so a
 * refused payload costs no more than its scan) and refuses a payload over its budget with a {@link
 * DecodeBudgetExceededException}; every encoder refuses to write one. The estimate counts what the
 * decoder allocates on the way, garbage included, so what it keeps is less.
 */
public final class DecodeBudget {
  /** What any payload may cost, however small: a full batch of an agent fits it with room. */
  public static final long BASE_BYTES = 1024 * 1024;
  /** What each byte of a payload may cost beyond {@link #BASE_BYTES}. */
  public static final int BYTES_PER_PAYLOAD_BYTE = 4;

  private DecodeBudget() {}

  /**
   * The heap a payload of this many bytes may cost to decode.
   *
   * @throws IllegalArgumentException if {@code payloadBytes} is negative
   */
  public static long forPayload(int payloadBytes) {
    if (payloadBytes < 0) {
      throw new IllegalArgumentException("payloadBytes must not be negative, was " + payloadBytes);
    }
    return BASE_BYTES + (long) BYTES_PER_PAYLOAD_BYTE * payloadBytes;
  }
}
