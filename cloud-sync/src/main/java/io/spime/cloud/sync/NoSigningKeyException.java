package io.spime.cloud.sync;

/**
 * The downlink was asked to send desired state or a command but the ingest has no signing key
 * ({@link FleetIngest.Builder#signingKeyFile}); nothing was changed or sent.
 */
public final class NoSigningKeyException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public NoSigningKeyException(String message) {
    super(message);
  }
}
