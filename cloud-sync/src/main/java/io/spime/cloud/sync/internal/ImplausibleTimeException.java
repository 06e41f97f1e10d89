package io.spime.cloud.sync.internal;

/** A time in a message lies outside what the ingest accepts as plausible. */
final class ImplausibleTimeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ImplausibleTimeException(String message) {
    super(message);
  }
}
