package io.spime.mqtt;

/**
 * The connection's security settings cannot be used: TLS files given for a {@code tcp://} broker, a
 * PEM file that is missing or garbled (the message names it), a client certificate without its key,
 * a password variable or file that is unset or empty. A configuration error: retrying cannot help.
 */
public final class InvalidSecurityException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidSecurityException(String message) {
    super(message);
  }

  public InvalidSecurityException(String message, Throwable cause) {
    super(message, cause);
  }
}
