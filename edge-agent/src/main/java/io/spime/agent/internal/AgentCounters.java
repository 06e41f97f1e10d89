package io.spime.agent.internal;

import io.spime.agent.AgentStats;
import io.spime.agent.DownlinkRefusal;
import io.spime.agent.RefusalReason;
import io.spime.wire.Priority;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The agent's counters, updated from any thread. */
final class AgentCounters {
  private final LongAdder accepted = new LongAdder();
  private final LongAdder[] refused = adders(RefusalReason.values().length);
  final LongAdder recovered = new LongAdder();
  final LongAdder batchesSealed = new LongAdder();
  final LongAdder eventsRaised = new LongAdder();
  final LongAdder eventsRefused = new LongAdder();
  final LongAdder messagesSent = new LongAdder();
  final LongAdder messagesResent = new LongAdder();
  final LongAdder[] evictedSamples = adders(Priority.values().length);
  final LongAdder evictedBatches = new LongAdder();
  final LongAdder connects = new LongAdder();
  final LongAdder reconnects = new LongAdder();
  final LongAdder downlinkRejected = new LongAdder();
  final LongAdder recordDiskWaits = new LongAdder();
  final AtomicLong maxRecordDiskWaitNanos = new AtomicLong();
  final LongAdder publishesRefused = new LongAdder();
  private final LongAdder[] downlinkRefused = adders(DownlinkRefusal.values().length);

  void accepted() {
    accepted.increment();
  }

  void refused(RefusalReason reason) {
    refused[reason.ordinal()].increment();
  }

  void refused(RefusalReason reason, long samples) {
    refused[reason.ordinal()].add(samples);
  }

  /** Counts a refused downlink message, under its reason and in {@code downlinkRejected}. */
  void downlinkRefused(DownlinkRefusal reason) {
    downlinkRefused[reason.ordinal()].increment();
    downlinkRejected.increment();
  }

  void diskWait(long nanos) {
    recordDiskWaits.increment();
    maxRecordDiskWaitNanos.accumulateAndGet(nanos, Math::max);
  }

  /** Counts the evictions of storing an event or report row (refusals are the caller's). */
  void addEvictions(SealResult result) {
    for (Priority priority : Priority.values()) {
      int p = priority.ordinal();
      evictedSamples[p].add(result.evictedItems(p));
      evictedBatches.add(result.evictedRows(p));
    }
  }

  void add(SealResult result) {
    for (Priority priority : Priority.values()) {
      int p = priority.ordinal();
      evictedSamples[p].add(result.evictedItems(p));
      evictedBatches.add(result.evictedRows(p));
      refused[RefusalReason.OUTBOX_FULL.ordinal()].add(result.refusedItems(p));
    }
  }

  AgentStats snapshot(Outbox outbox, boolean connected) {
    Map<RefusalReason, Long> refusals = new EnumMap<>(RefusalReason.class);
    for (RefusalReason reason : RefusalReason.values()) {
      refusals.put(reason, refused[reason.ordinal()].sum());
    }
    Map<Priority, Long> evicted = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      evicted.put(priority, evictedSamples[priority.ordinal()].sum());
    }
    return new AgentStats(
        accepted.sum(), refusals, recovered.sum(), batchesSealed.sum(), eventsRaised.sum(), eventsRefused.sum(),
        messagesSent.sum(), messagesResent.sum(), evicted, evictedBatches.sum(),
        outbox.ackedSeq(), outbox.streamId(), outbox.backlogRows(), outbox.backlogBytes(),
        connects.sum(), reconnects.sum(), connected, downlinkRejected.sum(),
        recordDiskWaits.sum(), maxRecordDiskWaitNanos.get() / 1000, publishesRefused.sum(),
        downlinkRefusals());
  }

  private Map<DownlinkRefusal, Long> downlinkRefusals() {
    Map<DownlinkRefusal, Long> out = new EnumMap<>(DownlinkRefusal.class);
    for (DownlinkRefusal reason : DownlinkRefusal.values()) {
      out.put(reason, downlinkRefused[reason.ordinal()].sum());
    }
    return out;
  }

  private static LongAdder[] adders(int n) {
    LongAdder[] out = new LongAdder[n];
    for (int i = 0; i < n; i++) {
      out[i] = new LongAdder();
    }
    return out;
  }
}
