package io.spime.twin.exceptions;

/** An event id is already in the journal with different content, or only some ids of an append are. */
public class DuplicateEventException extends TwinException {
  private static final long serialVersionUID = 1L;

  public DuplicateEventException(String message) {
    super(message);
  }
}
