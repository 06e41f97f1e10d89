package io.spime.wire;

/** The VIN in a payload differs from the VIN in its topic. */
public final class VinMismatchException extends WireException {
  private static final long serialVersionUID = 1L;

  public VinMismatchException(String message) {
    super(message);
  }

  public VinMismatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
