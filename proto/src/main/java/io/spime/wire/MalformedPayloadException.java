package io.spime.wire;

/** A payload is not a valid message of wire protocol v1: not protobuf, truncated, or inconsistent. */
public final class MalformedPayloadException extends WireException {
  private static final long serialVersionUID = 1L;

  public MalformedPayloadException(String message) {
    super(message);
  }

  public MalformedPayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
