package io.spime.wire;

/** A text is not a valid ISO 3779 VIN. */
public final class InvalidVinException extends WireException {
  private static final long serialVersionUID = 1L;

  public InvalidVinException(String message) {
    super(message);
  }

  public InvalidVinException(String message, Throwable cause) {
    super(message, cause);
  }
}
