package io.spime.twin.ingest;

import io.spime.wire.AssetId;
import java.util.Objects;

/**
 * How far one uplink stream of a vehicle is durable in the store: every seq up to {@code durableSeq}
 * has been applied exactly once.
 *
 * @param vin the vehicle
 * @param streamId the agent's outbox stream
 * @param durableSeq highest applied seq; 0 when nothing of the stream is applied yet
 */
public record StreamProgress(AssetId vin, long streamId, long durableSeq) {
  public StreamProgress {
    Objects.requireNonNull(vin, "vin");
    if (durableSeq < 0) {
      throw new IllegalArgumentException("durableSeq must be 0 or more, was " + durableSeq);
    }
  }
}
