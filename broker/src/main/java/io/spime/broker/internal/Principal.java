package io.spime.broker.internal;

import io.spime.wire.InvalidAssetIdException;
import io.spime.wire.AssetId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** An authenticated identity: a car (its VIN) or a cloud identity. */
public record Principal(String identity, Optional<AssetId> car) {
  public Principal {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(car, "car");
  }

  /** The principal this identity is: a car if it is a VIN, the cloud if listed, else nobody. */
  public static Optional<Principal> of(String identity, Set<String> cloudIdentities) {
    Optional<AssetId> car = carOf(identity);
    if (car.isPresent()) {
      return Optional.of(new Principal(identity, car));
    }
    return cloudIdentities.contains(identity)
        ? Optional.of(new Principal(identity, Optional.empty()))
        : Optional.empty();
  }

  /** The car this identity is, if it is a VIN in canonical form. */
  public static Optional<AssetId> carOf(String identity) {
    try {
      return Optional.of(new AssetId(identity));
    } catch (InvalidAssetIdException e) {
      return Optional.empty(); // not a VIN: a cloud identity or nobody
    }
  }
}
