package io.spime.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * The MQTT client id a car connects with, derived from its VIN: {@code spime-agent-{VIN}}. A broker
 * that enforces identities accepts this client id only from the car's own identity, so that nobody
 * else can take over the car's session.
 */
public final class ClientIds {
  /** What every car's client id starts with. */
  public static final String CAR_PREFIX = "spime-agent-";

  private ClientIds() {}

  /** The client id of this car: {@code spime-agent-{VIN}}. */
  public static String car(AssetId vin) {
    return CAR_PREFIX + Objects.requireNonNull(vin, "vin").value();
  }

  /** The car a client id belongs to, if it has the form of a car's client id with a canonical VIN. */
  public static Optional<AssetId> carOf(String clientId) {
    if (clientId == null || !clientId.startsWith(CAR_PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new AssetId(clientId.substring(CAR_PREFIX.length())));
    } catch (InvalidAssetIdException e) {
      return Optional.empty(); // not a car's client id: the caller decides what that means
    }
  }
}
