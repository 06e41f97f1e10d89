package io.spime.twin;

import io.spime.twin.internal.Checks;
import java.util.Objects;

/**
 * Who reported an event.
 *
 * @param kind the kind of reporter
 * @param id the reporter within its kind, such as a plant code, a dealer number or {@code tcu}
 */
public record Source(SourceKind kind, String id) {
  public Source {
    Objects.requireNonNull(kind, "kind");
    Checks.text(id, "source id");
  }

  /** A source of this kind and id. */
  public static Source of(SourceKind kind, String id) {
    return new Source(kind, id);
  }
}
