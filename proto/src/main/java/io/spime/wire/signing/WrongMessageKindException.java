package io.spime.wire.signing;

import io.spime.wire.WireException;

/** A signed envelope of one kind (desired state, command) arrived where the other was expected. */
public final class WrongMessageKindException extends WireException {
  private static final long serialVersionUID = 1L;

  public WrongMessageKindException(String message) {
    super(message);
  }

  public WrongMessageKindException(String message, Throwable cause) {
    super(message, cause);
  }
}
