package io.spime.broker;

/** The embedded broker could not start, stop or prepare its working folder. */
public final class BrokerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BrokerException(String message) {
    super(message);
  }

  BrokerException(String message, Throwable cause) {
    super(message, cause);
  }
}
