package io.spime.agent;

/** The agent's on-disk store (outbox or journal) could not be read or written. */
public final class OutboxException extends AgentException {
  private static final long serialVersionUID = 1L;

  public OutboxException(String message) {
    super(message);
  }

  public OutboxException(String message, Throwable cause) {
    super(message, cause);
  }
}
