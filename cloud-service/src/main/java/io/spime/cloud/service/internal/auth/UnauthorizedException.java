package io.spime.cloud.service.internal.auth;

/** The call carries no usable identity (HTTP 401). */
public final class UnauthorizedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnauthorizedException(String message) {
    super(message);
  }
}
