package io.spime.twin.exceptions;

/** Base of every error the twin library raises. */
public class TwinException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TwinException(String message) {
    super(message);
  }

  public TwinException(String message, Throwable cause) {
    super(message, cause);
  }
}
