package io.spime.wire.session;

import io.spime.wire.AssetId;
import java.util.Objects;

/**
 * The cloud's acknowledgement on {@code spime/v1/{vin}/ack}: every uplink message of the stream up
 * to and including {@code seq} is durable in the twin store.
 */
public record Ack(AssetId vin, long streamId, long seq, long timeMillis) {
  public Ack {
    Objects.requireNonNull(vin, "vin");
    if (streamId == 0) {
      throw new IllegalArgumentException("streamId must not be 0");
    }
    if (seq < 0) {
      throw new IllegalArgumentException("seq must not be negative, was " + seq);
    }
  }
}
