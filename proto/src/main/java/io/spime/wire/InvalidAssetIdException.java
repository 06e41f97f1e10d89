package io.spime.wire;

import java.util.Objects;

/** A text is not a valid asset id of the scheme it claims; the message names the scheme and the fault. */
public class InvalidAssetIdException extends WireException {
  private static final long serialVersionUID = 1L;
  private final IdScheme scheme;

  public InvalidAssetIdException(IdScheme scheme, String message) {
    super(message);
    this.scheme = Objects.requireNonNull(scheme, "scheme");
  }

  public InvalidAssetIdException(IdScheme scheme, String message, Throwable cause) {
    super(message, cause);
    this.scheme = Objects.requireNonNull(scheme, "scheme");
  }

  /** The scheme the refused text was read as. */
  public IdScheme scheme() {
    return scheme;
  }
}
