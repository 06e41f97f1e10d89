package io.spime.wire.signing;

import io.spime.wire.WireException;

/** A signed envelope names a key id that the verifier has not pinned. */
public final class UnknownKeyIdException extends WireException {
  private static final long serialVersionUID = 1L;

  public UnknownKeyIdException(String message) {
    super(message);
  }

  public UnknownKeyIdException(String message, Throwable cause) {
    super(message, cause);
  }
}
