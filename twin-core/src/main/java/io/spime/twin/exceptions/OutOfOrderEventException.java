package io.spime.twin.exceptions;

/** An event happened before the vehicle's latest event; a vehicle's events are appended in the order they happened. */
public class OutOfOrderEventException extends InvalidEventException {
  private static final long serialVersionUID = 1L;

  public OutOfOrderEventException(String message) {
    super(message);
  }
}
