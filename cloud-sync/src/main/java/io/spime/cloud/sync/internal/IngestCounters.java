package io.spime.cloud.sync.internal;

import io.spime.cloud.sync.IngestStats;
import io.spime.cloud.sync.RejectReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters behind {@link IngestStats}. */
final class IngestCounters {
  final LongAdder received = new LongAdder();
  final LongAdder appliedBatches = new LongAdder();
  final LongAdder appliedSamples = new LongAdder();
  final LongAdder duplicateBatches = new LongAdder();
  final LongAdder gapBatches = new LongAdder();
  final LongAdder acksSent = new LongAdder();
  final LongAdder acksDeferred = new LongAdder();
  final LongAdder carEvents = new LongAdder();
  final LongAdder twinEventsAppended = new LongAdder();
  final LongAdder twinEventsRefused = new LongAdder();
  final LongAdder quarantined = new LongAdder();
  final LongAdder samplesDroppedNoConsent = new LongAdder();
  final LongAdder statuses = new LongAdder();
  private final Map<RejectReason, LongAdder> rejected = new EnumMap<>(RejectReason.class);

  IngestCounters() {
    for (RejectReason reason : RejectReason.values()) {
      rejected.put(reason, new LongAdder());
    }
  }

  void reject(RejectReason reason) {
    rejected.get(reason).increment();
  }

  IngestStats snapshot() {
    Map<RejectReason, Long> counts = new EnumMap<>(RejectReason.class);
    rejected.forEach((reason, count) -> counts.put(reason, count.sum()));
    return new IngestStats(
        received.sum(),
        appliedBatches.sum(),
        appliedSamples.sum(),
        duplicateBatches.sum(),
        gapBatches.sum(),
        acksSent.sum(),
        acksDeferred.sum(),
        counts,
        carEvents.sum(),
        twinEventsAppended.sum(),
        twinEventsRefused.sum(),
        quarantined.sum(),
        samplesDroppedNoConsent.sum(),
        statuses.sum());
  }
}
