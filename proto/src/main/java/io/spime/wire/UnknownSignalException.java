package io.spime.wire;

/** A signal id or name is not in the signal catalog. */
public final class UnknownSignalException extends WireException {
  private static final long serialVersionUID = 1L;

  public UnknownSignalException(String message) {
    super(message);
  }

  public UnknownSignalException(String message, Throwable cause) {
    super(message, cause);
  }
}
