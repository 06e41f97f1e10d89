package io.spime.twin.exceptions;

/** A reported or desired state carries a version not higher than the one the twin holds. */
public class StaleStateVersionException extends InvalidEventException {
  private static final long serialVersionUID = 1L;

  public StaleStateVersionException(String message) {
    super(message);
  }
}
