package io.spime.wire.session;

import io.spime.wire.AssetId;
import java.util.Objects;

/**
 * What an agent says on every connect on {@code spime/v1/{vin}/birth}.
 *
 * @param lastAckedSeq highest seq of {@code streamId} the agent saw acknowledged
 * @param desiredVersion version of the desired state the agent has applied, 0 for none
 */
public record Birth(
    AssetId vin,
    String agentVersion,
    long bootId,
    long streamId,
    int catalogVersion,
    long lastAckedSeq,
    long desiredVersion,
    long timeMillis) {
  public Birth {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(agentVersion, "agentVersion");
    if (bootId == 0 || streamId == 0) {
      throw new IllegalArgumentException("bootId and streamId must not be 0");
    }
  }
}
