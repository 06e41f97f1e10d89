package io.spime.twin.exceptions;

/** The store's file is not a readable database: garbage, truncated, encrypted or damaged pages. */
public class CorruptStoreException extends TwinStoreException {
  private static final long serialVersionUID = 1L;

  public CorruptStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
