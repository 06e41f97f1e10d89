package io.spime.twin.sync.internal;

import io.spime.twin.UplinkMessage;
import io.spime.wire.Birth;
import io.spime.wire.Status;
import java.util.ArrayList;
import java.util.List;

/** One group of checked inbound messages, sorted by what the apply loop does with them. */
final class InboundGroup {
  /** Sequenced uplink in arrival order: telemetry, events, reports and quarantined messages. */
  final List<UplinkMessage> uplink = new ArrayList<>();
  final List<Birth> births = new ArrayList<>();
  final List<Status> statuses = new ArrayList<>();

  void clear() {
    uplink.clear();
    births.clear();
    statuses.clear();
  }
}
