package io.spime.wire.signing;

import io.spime.wire.WireException;

/** A key file cannot be read or written, or does not hold an Ed25519 key in the expected PEM form; the message names the file. */
public final class KeyFileException extends WireException {
  private static final long serialVersionUID = 1L;

  public KeyFileException(String message) {
    super(message);
  }

  public KeyFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
