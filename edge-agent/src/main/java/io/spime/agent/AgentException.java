package io.spime.agent;

/** Base of every error the edge agent reports; specific subclasses say what went wrong. */
public class AgentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AgentException(String message) {
    super(message);
  }

  public AgentException(String message, Throwable cause) {
    super(message, cause);
  }
}
