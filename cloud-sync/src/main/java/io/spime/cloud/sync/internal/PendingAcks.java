package io.spime.cloud.sync.internal;

import io.spime.wire.session.Ack;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Acks the apply thread could not publish at once (link down, or its in-flight window full), kept to
 * go out later: one per stream, the newest seq, oldest stream first. Without them the last ack of a
 * stream that goes quiet would be lost, and its car would wait out its ack timeout and resend.
 * Bounded: past {@link #MAX_STREAMS} the oldest is dropped, and that car resends as before.
 * Used by the apply thread only.
 */
final class PendingAcks {
  static final int MAX_STREAMS = 100_000;

  private final Map<StreamKey, Ack> pending = new LinkedHashMap<>();
  private final int maxStreams;

  PendingAcks() {
    this(MAX_STREAMS);
  }

  PendingAcks(int maxStreams) {
    if (maxStreams < 1) {
      throw new IllegalArgumentException("maxStreams must be 1 or more, was " + maxStreams);
    }
    this.maxStreams = maxStreams;
  }

  /** Keeps an ack that did not go out; an older one of its stream is replaced, a newer one kept. */
  void defer(Ack ack) {
    pending.merge(key(ack), ack, (kept, next) -> next.seq() >= kept.seq() ? next : kept);
    if (pending.size() > maxStreams) {
      Iterator<Ack> oldest = pending.values().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  /** Forgets the stream's kept ack if the one just sent covers it. */
  void sent(Ack ack) {
    if (pending.isEmpty()) {
      return;
    }
    StreamKey key = key(ack);
    Ack kept = pending.get(key);
    if (kept != null && kept.seq() <= ack.seq()) {
      pending.remove(key);
    }
  }

  /**
   * Offers the kept acks to {@code publish}, oldest first, until one is refused (the window is still
   * full: the rest would be refused too); returns how many went out.
   */
  int flush(Predicate<Ack> publish) {
    int sent = 0;
    Iterator<Ack> acks = pending.values().iterator();
    while (acks.hasNext()) {
      if (!publish.test(acks.next())) {
        break;
      }
      acks.remove();
      sent++;
    }
    return sent;
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  int size() {
    return pending.size();
  }

  private static StreamKey key(Ack ack) {
    return new StreamKey(ack.vin(), ack.streamId());
  }
}
