package io.spime.twin.custody;

import io.spime.wire.DataCategory;
import java.time.Instant;
import java.util.Objects;

/**
 * A party's consent to one category of the car's data, in force since a grant.
 *
 * @param party who consented
 * @param category to which data
 * @param grantedAt when
 */
public record Consent(PartyId party, DataCategory category, Instant grantedAt) {
  public Consent {
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(grantedAt, "grantedAt");
  }
}
