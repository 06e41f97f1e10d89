package io.spime.wire.signing;

import io.spime.wire.WireException;

/** A signed envelope's signature does not verify with the pinned key its key id names: forged or altered. */
public final class BadSignatureException extends WireException {
  private static final long serialVersionUID = 1L;

  public BadSignatureException(String message) {
    super(message);
  }

  public BadSignatureException(String message, Throwable cause) {
    super(message, cause);
  }
}
