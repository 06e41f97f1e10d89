package io.spime.cloud.sync.internal;

import io.spime.twin.ingest.StreamProgress;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.wire.telemetry.TelemetryBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Messages that came ahead of their stream's next seq, held a short while and applied again with the
 * next groups instead of dropped at once. In a share group the broker may hand a car's seq 8 to one
 * member and seq 9 to another (Mosquitto deals shared messages round-robin, message by message): the
 * member holding 9 finds a gap until the other has committed 8, a few milliseconds later. Dropped at
 * once, 9 and everything after it would wait for the car's ack timeout and resend, again split between
 * the members. A message still ahead after {@link #HOLD} is given up (its predecessor is lost, say with
 * a killed member) and the car resends from its oldest unacked message, as before. At most {@link
 * #MAX_HELD} messages are held; past that the oldest are given up.
 */
final class GapHold {
  static final Duration HOLD = Duration.ofSeconds(1);
  static final int MAX_HELD = 20_000;
  private static final Comparator<UplinkMessage> STREAM_ORDER =
      Comparator.comparing((UplinkMessage m) -> m.vin().value())
          .thenComparingLong(m -> m.position().streamId()).thenComparingLong(m -> m.position().seq());

  private record Held(UplinkMessage message, long deadlineNanos, Long receivedMillis) {}

  private final List<Held> held = new ArrayList<>();
  private final Map<UplinkMessage, Held> tried = new IdentityHashMap<>();

  boolean isEmpty() {
    return held.isEmpty();
  }

  /**
   * The held messages and the group's, each stream in seq order (the store applies a group in list
   * order); adds the held batches' receipt times to {@code received}.
   */
  List<UplinkMessage> withHeld(List<UplinkMessage> group, Map<DurableNotifier.BatchKey, Long> received) {
    tried.clear();
    if (held.isEmpty()) {
      return group;
    }
    List<UplinkMessage> all = new ArrayList<>(held.size() + group.size());
    for (Held h : held) {
      all.add(h.message());
      tried.put(h.message(), h);
      if (h.receivedMillis() != null && h.message() instanceof UplinkMessage.Telemetry t) {
        received.putIfAbsent(DurableNotifier.BatchKey.of(t.batch()), h.receivedMillis());
      }
    }
    held.clear();
    all.addAll(group);
    all.sort(STREAM_ORDER);
    return all;
  }

  /**
   * What {@link #settle} did: messages given up, and the streams whose messages in the group were all
   * held again (nothing to ack for them yet: their durable seq did not move).
   */
  record Settled(int givenUp, Set<StreamKey> waiting) {}

  /** After the store applied {@code applied}: holds again what is still ahead of its stream, within its hold. */
  Settled settle(List<UplinkMessage> applied, List<StreamProgress> progress,
      Map<DurableNotifier.BatchKey, Long> received, long nowNanos) {
    Map<StreamKey, Long> durable = new HashMap<>();
    for (StreamProgress stream : progress) {
      durable.put(new StreamKey(stream.vin(), stream.streamId()), stream.durableSeq());
    }
    int givenUp = 0;
    Set<StreamKey> waiting = new HashSet<>();
    Set<StreamKey> moving = new HashSet<>();
    for (UplinkMessage m : applied) {
      StreamKey key = new StreamKey(m.vin(), m.position().streamId());
      Long seq = durable.get(key);
      if (seq == null || m.position().seq() <= seq) {
        moving.add(key);
        continue;
      }
      Held before = tried.get(m);
      long deadline = before != null ? before.deadlineNanos() : nowNanos + HOLD.toNanos();
      if (nowNanos >= deadline) {
        givenUp++;
        moving.add(key);
        continue;
      }
      waiting.add(key);
      held.add(new Held(m, deadline, before != null ? before.receivedMillis() : receivedOf(m, received)));
    }
    if (held.size() > MAX_HELD) {
      int over = held.size() - MAX_HELD;
      held.subList(0, over).clear();
      givenUp += over;
    }
    tried.clear();
    waiting.removeAll(moving);
    return new Settled(givenUp, waiting);
  }

  /** Gives up everything held (the store failed the group, or the ingest stops); returns how many. */
  int clear() {
    int n = held.size();
    held.clear();
    tried.clear();
    return n;
  }

  private static Long receivedOf(UplinkMessage m, Map<DurableNotifier.BatchKey, Long> received) {
    if (m instanceof UplinkMessage.Telemetry t) {
      TelemetryBatch batch = t.batch();
      return received.get(DurableNotifier.BatchKey.of(batch));
    }
    return null;
  }
}
