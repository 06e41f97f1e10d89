package io.spime.twin.exceptions;

/** An event's time lies further in the future than the store's clock tolerance. */
public class FutureTimestampException extends InvalidEventException {
  private static final long serialVersionUID = 1L;

  public FutureTimestampException(String message) {
    super(message);
  }
}
