package io.spime.agent;

/** The agent was used after {@link EdgeAgent#close()} or before {@link EdgeAgent#start()}. */
public final class AgentClosedException extends AgentException {
  private static final long serialVersionUID = 1L;

  public AgentClosedException(String message) {
    super(message);
  }
}
