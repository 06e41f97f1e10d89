package io.spime.wire;

/** A payload names a signal catalog version this side does not have. */
public final class UnsupportedCatalogException extends WireException {
  private static final long serialVersionUID = 1L;

  public UnsupportedCatalogException(String message) {
    super(message);
  }

  public UnsupportedCatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
