package io.spime.wire;

/**
 * A payload within its size limit would take more heap to decode than its {@link DecodeBudget}: it
 * packs more samples, events or entries into its bytes than any encoder of this protocol writes.
 */
public final class DecodeBudgetExceededException extends OversizedPayloadException {
  private static final long serialVersionUID = 1L;

  private final int payloadBytes;
  private final long estimatedBytes;
  private final long budgetBytes;

  /**
   * {@code what} names the payload ("telemetry payload"), {@code holds} what made it costly ("1,000
   * values, 2 messages").
   */
  public DecodeBudgetExceededException(
      String what, String holds, int payloadBytes, long estimatedBytes, long budgetBytes) {
    super(String.format("%s of %,d bytes (%s) would take about %,d bytes of heap to decode, above "
        + "its budget of %,d bytes (%,d + %d per payload byte); send it in smaller parts",
        what, payloadBytes, holds, estimatedBytes, budgetBytes, DecodeBudget.BASE_BYTES,
        DecodeBudget.BYTES_PER_PAYLOAD_BYTE));
    this.payloadBytes = payloadBytes;
    this.estimatedBytes = estimatedBytes;
    this.budgetBytes = budgetBytes;
  }

  /** Size of the refused payload. */
  public int payloadBytes() {
    return payloadBytes;
  }

  /** The heap decoding it would have taken, as estimated from its bytes. */
  public long estimatedBytes() {
    return estimatedBytes;
  }

  /** The heap it was allowed, {@link DecodeBudget#forPayload}. */
  public long budgetBytes() {
    return budgetBytes;
  }
}
