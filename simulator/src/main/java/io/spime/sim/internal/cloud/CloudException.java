package io.spime.sim.internal.cloud;

/**
 * A spime-cloud that could not be read: it refused the token ({@link #refused()}: 401 or 403), or it
 * could not be reached or answered what it should not.
 */
public final class CloudException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean refused;

  CloudException(String message, boolean refused) {
    super(message);
    this.refused = refused;
  }

  /** Whether the service refused the caller (a wrong, expired or unentitled token). */
  public boolean refused() {
    return refused;
  }
}
