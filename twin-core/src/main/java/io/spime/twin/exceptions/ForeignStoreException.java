package io.spime.twin.exceptions;

/** The file is a database, but of another application, not a spime twin store; it is left untouched. */
public class ForeignStoreException extends TwinStoreException {
  private static final long serialVersionUID = 1L;

  public ForeignStoreException(String message) {
    super(message);
  }
}
