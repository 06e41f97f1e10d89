package io.spime.cloud.service;

/** A setting of spime-cloud is missing, malformed or names a file that cannot be used; the message says which. */
public class InvalidConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String message) {
    super(message);
  }

  public InvalidConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
