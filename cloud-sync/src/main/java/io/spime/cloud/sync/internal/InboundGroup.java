package io.spime.cloud.sync.internal;

import io.spime.twin.ingest.UplinkMessage;
import io.spime.wire.session.Birth;
import io.spime.wire.session.Status;
import io.spime.wire.telemetry.TelemetryBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One group of checked inbound messages, sorted by what the apply loop does with them, with a rough
 * account of the heap they hold until the group is applied.
 */
final class InboundGroup {
  /** Heap a decoded sample holds: record, value, list slots, its consent-filtered copy. */
  static final int SAMPLE_HEAP_BYTES = 128;
  /** Heap a decoded event holds: record, detail, attributes, its car event and twin event. */
  static final int EVENT_HEAP_BYTES = 2048;
  /** Heap per payload byte of anything else decoded (reports: maps and their state document). */
  static final int OTHER_HEAP_PER_BYTE = 16;

  /** Sequenced uplink in arrival order: telemetry, events, reports and quarantined messages. */
  final List<UplinkMessage> uplink = new ArrayList<>();
  final List<Birth> births = new ArrayList<>();
  final List<Status> statuses = new ArrayList<>();
  /** When the ingest took each telemetry batch from the broker. */
  final Map<DurableNotifier.BatchKey, Long> received = new HashMap<>();
  private int taken;
  private long heapBytes;

  /** Counts a message taken from the queue, whatever its check decides, with its payload. */
  void took(Inbound message) {
    taken++;
    heapBytes += message.payload().length;
  }

  /** Adds the estimated heap of what a message decoded to. */
  void charge(long bytes) {
    heapBytes += bytes;
  }

  int taken() {
    return taken;
  }

  long heapBytes() {
    return heapBytes;
  }

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
    taken = 0;
    heapBytes = 0;
  }
}
