package io.spime.twin.event;

import io.spime.twin.custody.PartyId;
import io.spime.wire.DataCategory;
import java.util.Objects;
import java.util.Optional;

/**
 * A party consents to a category of the car's data; granting again is a no-op.
 *
 * @param party who consents
 * @param category to which data
 */
public record ConsentGranted(PartyId party, DataCategory category) implements TwinEvent {
  public ConsentGranted {
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(category, "category");
  }

  @Override
  public Optional<PartyId> subject() {
    return Optional.of(party);
  }

  @Override
  public TwinEvent erased() {
    return new ConsentGranted(PartyId.ERASED, category);
  }
}
