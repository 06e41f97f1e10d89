package io.spime.agent;

/**
 * The agent stopped after an unexpected error in one of its threads (see {@link
 * AgentFatalErrorHandler}); the cause is this exception's cause and {@link EdgeAgent#failure()}.
 * Close it and start a new agent on the same data directory.
 */
public final class AgentFailedException extends AgentException {
  private static final long serialVersionUID = 1L;

  public AgentFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
