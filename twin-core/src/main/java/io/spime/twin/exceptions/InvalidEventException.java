package io.spime.twin.exceptions;

/** An event breaks a rule of the twin it is appended to; nothing of its append was written. */
public class InvalidEventException extends TwinException {
  private static final long serialVersionUID = 1L;

  public InvalidEventException(String message) {
    super(message);
  }
}
