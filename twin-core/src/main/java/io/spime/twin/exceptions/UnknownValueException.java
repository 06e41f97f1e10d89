package io.spime.twin.exceptions;

/** Stored or supplied data names an event type or an enum value this version of spime does not know. */
public class UnknownValueException extends TwinException {
  private static final long serialVersionUID = 1L;

  public UnknownValueException(String message) {
    super(message);
  }
}
