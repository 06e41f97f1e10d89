package io.spime.wire.signing;

import io.spime.wire.WireException;

/** A downlink payload is not a signed envelope (a plain protobuf message, or anything else). */
public final class UnsignedPayloadException extends WireException {
  private static final long serialVersionUID = 1L;

  public UnsignedPayloadException(String message) {
    super(message);
  }

  public UnsignedPayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
