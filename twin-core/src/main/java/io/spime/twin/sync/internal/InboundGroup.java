package io.spime.twin.sync.internal;

import io.spime.twin.UplinkMessage;
import io.spime.wire.Birth;
import io.spime.wire.Status;
import io.spime.wire.TelemetryBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One group of checked inbound messages, sorted by what the apply loop does with them. */
final class InboundGroup {
  /** Sequenced uplink in arrival order: telemetry, events, reports and quarantined messages. */
  final List<UplinkMessage> uplink = new ArrayList<>();
  final List<Birth> births = new ArrayList<>();
  final List<Status> statuses = new ArrayList<>();
  /** When the ingest took each telemetry batch from the broker. */
  final Map<DurableNotifier.BatchKey, Long> received = new HashMap<>();

  /** Adds a checked telemetry batch, noting when it came (the earliest copy counts). */
  void addTelemetry(TelemetryBatch batch, long receivedMillis) {
    uplink.add(new UplinkMessage.Telemetry(batch));
    received.putIfAbsent(DurableNotifier.BatchKey.of(batch), receivedMillis);
  }

  void clear() {
    uplink.clear();
    births.clear();
    statuses.clear();
    received.clear();
  }
}
