package io.spime.twin.exceptions;

/** The store was written by a newer spime whose schema version this library does not know. */
public class UnsupportedSchemaException extends TwinStoreException {
  private static final long serialVersionUID = 1L;

  public UnsupportedSchemaException(String message) {
    super(message);
  }
}
