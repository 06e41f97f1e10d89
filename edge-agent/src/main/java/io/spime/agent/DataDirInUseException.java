package io.spime.agent;

/** Another agent (in this or another process) already uses the data directory. */
public final class DataDirInUseException extends AgentException {
  private static final long serialVersionUID = 1L;

  public DataDirInUseException(String message) {
    super(message);
  }
}
