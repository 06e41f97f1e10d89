package io.spime.wire;

/**
 * A payload is larger than the limit for its topic, or would take more heap to decode than its budget
 * ({@link DecodeBudgetExceededException}).
 */
public class OversizedPayloadException extends WireException {
  private static final long serialVersionUID = 1L;

  public OversizedPayloadException(String message) {
    super(message);
  }

  public OversizedPayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
