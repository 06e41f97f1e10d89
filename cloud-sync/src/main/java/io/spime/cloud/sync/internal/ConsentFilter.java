package io.spime.cloud.sync.internal;

import io.spime.twin.ingest.UplinkMessage;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.TelemetryBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the samples of a group that the car's data subject has not consented to. A batch left with no
 * sample keeps its place in the stream as an empty event message, so the stream still moves on.
 */
final class ConsentFilter {
  private ConsentFilter() {}

  static List<UplinkMessage> apply(List<UplinkMessage> uplink, ConsentGate gate, IngestCounters counters) {
    gate.prefetch(uplink.stream().filter(m -> m instanceof UplinkMessage.Telemetry).map(UplinkMessage::vin).toList());
    List<UplinkMessage> out = new ArrayList<>(uplink.size());
    for (UplinkMessage message : uplink) {
      if (!(message instanceof UplinkMessage.Telemetry telemetry)) {
        out.add(message);
        continue;
      }
      TelemetryBatch batch = telemetry.batch();
      List<Sample> kept = gate.keep(batch);
      int dropped = batch.samples().size() - kept.size();
      if (dropped == 0) {
        out.add(message);
        continue;
      }
      counters.samplesDroppedNoConsent.add(dropped);
      out.add(kept.isEmpty()
          ? new UplinkMessage.Events(batch.vin(), batch.position(), List.of(), List.of())
          : new UplinkMessage.Telemetry(
              new TelemetryBatch(batch.vin(), batch.position(), batch.catalogVersion(), kept)));
    }
    return out;
  }
}
