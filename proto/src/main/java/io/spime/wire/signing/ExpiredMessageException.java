package io.spime.wire.signing;

import io.spime.wire.WireException;

/** A signed envelope is past its expiry on the verifier's clock. */
public final class ExpiredMessageException extends WireException {
  private static final long serialVersionUID = 1L;

  public ExpiredMessageException(String message) {
    super(message);
  }

  public ExpiredMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
