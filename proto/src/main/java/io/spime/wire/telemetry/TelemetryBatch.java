package io.spime.wire.telemetry;

import io.spime.wire.StreamPosition;
import io.spime.wire.AssetId;
import java.util.List;
import java.util.Objects;

/**
 * A batch of samples of one vehicle, the payload of {@code spime/v1/{vin}/telemetry}.
 *
 * @param vin the vehicle
 * @param position the batch's place in the vehicle's uplink sequence
 * @param catalogVersion version of the signal catalog its signal ids belong to
 * @param samples at least one sample; within a signal in time order of recording
 */
public record TelemetryBatch(
    AssetId vin, StreamPosition position, int catalogVersion, List<Sample> samples) {
  public TelemetryBatch {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(position, "position");
    if (catalogVersion < 1) {
      throw new IllegalArgumentException("catalogVersion must be 1 or more, was " + catalogVersion);
    }
    samples = List.copyOf(samples);
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("a telemetry batch needs at least one sample");
    }
  }
}
