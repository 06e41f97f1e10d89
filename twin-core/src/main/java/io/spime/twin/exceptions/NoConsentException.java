package io.spime.twin.exceptions;

/** What was asked needs an opt-in that the customer has not given, or has withdrawn. */
public class NoConsentException extends TwinException {
  private static final long serialVersionUID = 1L;

  public NoConsentException(String message) {
    super(message);
  }
}
