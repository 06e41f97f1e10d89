package io.spime.wire.session;

import io.spime.wire.AssetId;
import java.util.Objects;

/** Online / offline on {@code spime/v1/{vin}/status}; the offline form is also the MQTT will. */
public record Status(AssetId vin, boolean online, long bootId, long timeMillis) {
  public Status {
    Objects.requireNonNull(vin, "vin");
  }
}
