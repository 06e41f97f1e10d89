package io.spime.cloud.service.internal.audit;

/** The audit trail cannot be written or read. */
public final class AuditException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AuditException(String message, Throwable cause) {
    super(message, cause);
  }
}
