package io.spime.cloud.service.internal.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One read of personal data.
 *
 * @param at when
 * @param reader the party that read (the token's subject)
 * @param role the reader's role
 * @param subject whose personal data it was
 * @param vin the car, if the data was a car's
 * @param what which data (an API path and the section)
 * @param basis why the reader could see it: the custody epoch held, the subject's own, a consent
 */
public record AuditEntry(
    Instant at, String reader, String role, String subject, Optional<String> vin, String what, String basis) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(basis, "basis");
  }
}
