package io.spime.agent;

/** The agent's configuration is incomplete or inconsistent; the message names the field. */
public final class InvalidAgentConfigException extends AgentException {
  private static final long serialVersionUID = 1L;

  public InvalidAgentConfigException(String message) {
    super(message);
  }

  public InvalidAgentConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
