package io.spime.twin.exceptions;

/** A customer record change expected a version the record is no longer at; nothing was written. */
public class CustomerConflictException extends TwinException {
  private static final long serialVersionUID = 1L;

  public CustomerConflictException(String message) {
    super(message);
  }
}
