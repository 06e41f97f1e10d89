package io.spime.wire;

/** Base of every error about data on the wire: payloads, VINs, topics, signals. */
public class WireException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WireException(String message) {
    super(message);
  }

  public WireException(String message, Throwable cause) {
    super(message, cause);
  }
}
