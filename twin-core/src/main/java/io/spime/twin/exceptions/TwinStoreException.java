package io.spime.twin.exceptions;

/** The store could not read or write: an I/O or database failure; nothing of the failed call was written. */
public class TwinStoreException extends TwinException {
  private static final long serialVersionUID = 1L;

  public TwinStoreException(String message) {
    super(message);
  }

  public TwinStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
