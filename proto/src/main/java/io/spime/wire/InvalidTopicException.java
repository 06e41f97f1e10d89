package io.spime.wire;

/** A topic is not one of wire protocol v1's topics. */
public final class InvalidTopicException extends WireException {
  private static final long serialVersionUID = 1L;

  public InvalidTopicException(String message) {
    super(message);
  }

  public InvalidTopicException(String message, Throwable cause) {
    super(message, cause);
  }
}
