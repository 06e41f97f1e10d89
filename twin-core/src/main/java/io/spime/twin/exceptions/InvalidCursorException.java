package io.spime.twin.exceptions;

/** A page cursor was not made by this query; cursors are opaque and belong to one query. */
public class InvalidCursorException extends TwinException {
  private static final long serialVersionUID = 1L;

  public InvalidCursorException(String message) {
    super(message);
  }
}
