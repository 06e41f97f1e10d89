package io.spime.wire;

import java.util.Objects;

/** A parsed v1 topic: whose it is and what it carries. */
public record VehicleTopic(AssetId vin, TopicKind kind) {
  public VehicleTopic {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(kind, "kind");
  }

  /** The topic string. */
  public String topic() {
    return Topics.of(vin, kind);
  }
}
