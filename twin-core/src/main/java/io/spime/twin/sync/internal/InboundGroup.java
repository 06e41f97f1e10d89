package io.spime.twin.sync.internal;

import io.spime.twin.UplinkMessage;
import io.spime.wire.Birth;
import io.spime.wire.Status;
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

  /** Sorts in a checked message, noting when telemetry came (the earliest copy counts). */
  void add(Checked checked) {
    if (checked instanceof Checked.Uplink uplinked) {
      uplink.add(uplinked.message());
      if (uplinked.message() instanceof UplinkMessage.Telemetry telemetry) {
        received.putIfAbsent(DurableNotifier.BatchKey.of(telemetry.batch()), checked.receivedMillis());
      }
    } else if (checked instanceof Checked.Born born) {
      births.add(born.birth());
    } else if (checked instanceof Checked.Said said) {
      statuses.add(said.status());
    }
  }

  void clear() {
    uplink.clear();
    births.clear();
    statuses.clear();
    received.clear();
  }
}
