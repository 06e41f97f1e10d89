package io.spime.twin.ingest;

import io.spime.wire.AssetId;
import java.time.Instant;
import java.util.Objects;

/**
 * A car's status as the ingest records it: online or offline, from one agent boot, at a time (see
 * {@link IngestSink#recordConnectivity(AssetId, boolean, Instant, long)}).
 *
 * @throws IllegalArgumentException if {@code bootId} is 0
 */
public record StatusReport(AssetId vin, boolean online, Instant at, long bootId) {
  public StatusReport {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(at, "at");
    if (bootId == 0) {
      throw new IllegalArgumentException("bootId must not be 0");
    }
  }
}
