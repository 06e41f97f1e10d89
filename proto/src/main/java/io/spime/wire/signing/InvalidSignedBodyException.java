package io.spime.wire.signing;

import io.spime.wire.WireException;
import java.util.Objects;

/**
 * A signed envelope verified, but its body does not decode for this reader (a message kind or
 * field value a newer cloud writes, or a cloud bug): the cause is the {@link WireException} of the
 * body's decoder. Authentic, so the {@link #subject()} (a command's id) can be answered.
 */
public final class InvalidSignedBodyException extends WireException {
  private static final long serialVersionUID = 1L;
  private final transient Subject subject;

  public InvalidSignedBodyException(String message, Subject subject, WireException cause) {
    super(message, cause);
    this.subject = Objects.requireNonNull(subject, "subject");
  }

  /** What the envelope was signed for: the desired version or the command id. */
  public Subject subject() {
    return subject;
  }
}
