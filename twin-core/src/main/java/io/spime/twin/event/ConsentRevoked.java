package io.spime.twin.event;

import io.spime.twin.custody.PartyId;
import io.spime.wire.DataCategory;
import java.util.Objects;
import java.util.Optional;

/**
 * A party withdraws its consent to a category; revoking what was not granted is a no-op.
 *
 * @param party who revokes
 * @param category which data
 */
public record ConsentRevoked(PartyId party, DataCategory category) implements TwinEvent {
  public ConsentRevoked {
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(category, "category");
  }

  @Override
  public Optional<PartyId> subject() {
    return Optional.of(party);
  }

  @Override
  public TwinEvent erased() {
    return new ConsentRevoked(PartyId.ERASED, category);
  }
}
