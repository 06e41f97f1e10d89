package io.spime.twin.exceptions;

/** The store has no customer record with this id. */
public class UnknownCustomerException extends TwinException {
  private static final long serialVersionUID = 1L;

  public UnknownCustomerException(String message) {
    super(message);
  }
}
