package io.spime.wire.state;

import java.util.Objects;
import java.util.Optional;

/**
 * What the cloud asks a car to apply, the payload of {@code spime/v1/{vin}/desired}. Each part is
 * optional: an absent part leaves the car's current one in place.
 *
 * @param version increases with every change; a car ignores versions it has already applied
 * @param policy the collection policy to use
 * @param consent the consent to enforce
 * @param profile the driver profile to apply
 */
public record DesiredState(
    long version, Optional<CollectionPolicy> policy, Optional<ConsentSet> consent,
    Optional<DriverProfile> profile) {
  public DesiredState {
    if (version < 1) {
      throw new IllegalArgumentException("desired state version must be 1 or more, was " + version);
    }
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(consent, "consent");
    Objects.requireNonNull(profile, "profile");
  }
}
