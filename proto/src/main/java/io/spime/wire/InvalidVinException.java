package io.spime.wire;

/** A text is not a valid ISO 3779 VIN. */
public final class InvalidVinException extends InvalidAssetIdException {
  private static final long serialVersionUID = 1L;

  public InvalidVinException(String message) {
    super(IdScheme.VIN, message);
  }

  public InvalidVinException(String message, Throwable cause) {
    super(IdScheme.VIN, message, cause);
  }
}
