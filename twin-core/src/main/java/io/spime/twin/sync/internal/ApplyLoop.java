package io.spime.twin.sync.internal;

import io.spime.twin.StreamProgress;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStoreException;
import io.spime.twin.UplinkApplyResult;
import io.spime.twin.UplinkMessage;
import io.spime.twin.sync.RejectReason;
import io.spime.wire.Ack;
import io.spime.wire.Birth;
import io.spime.wire.SessionCodec;
import io.spime.wire.Status;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the inbound queue in groups, checks each message, applies the group's sequenced uplink in one
 * store transaction, then acks every touched stream with its durable seq. Nothing is acked before the
 * transaction committed. Statuses and births are handled after the group's uplink. An ack that cannot
 * go out at once is kept ({@link PendingAcks}) and sent before the next group, or within 100 ms when
 * the queue is idle.
 */
final class ApplyLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ApplyLoop.class);

  private final TwinStore store;
  private final IngestOptions options;
  private final BlockingQueue<Inbound> queue;
  private final IngestCounters counters;
  private final RejectLog rejectLog;
  private final DownlinkPublisher publisher;
  private final MessageChecker checker;
  private final ConsentGate consentGate;
  private final BirthHandler births;
  private final DurableNotifier notifier;
  private final Clock clock;
  private final PendingAcks pendingAcks = new PendingAcks();
  private volatile boolean stopping;

  ApplyLoop(TwinStore store, IngestOptions options, BlockingQueue<Inbound> queue, IngestCounters counters,
      RejectLog rejectLog, DownlinkPublisher publisher, ConsentGate consentGate, BirthHandler births,
      Clock clock) {
    this.store = store;
    this.options = options;
    this.queue = queue;
    this.counters = counters;
    this.rejectLog = rejectLog;
    this.publisher = publisher;
    this.checker = new MessageChecker(options.catalog(), clock, counters, rejectLog);
    this.consentGate = consentGate;
    this.births = births;
    this.notifier = new DurableNotifier(options.durabilityListener());
    this.clock = clock;
  }

  /** Finishes what is queued, then returns from {@link #run()}. */
  void stop() {
    stopping = true;
  }

  @Override
  public void run() {
    List<Inbound> drained = new ArrayList<>();
    InboundGroup group = new InboundGroup();
    while (true) {
      drained.clear();
      group.clear();
      try {
        retryAcks();
        Inbound first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (stopping) {
            return;
          }
          continue;
        }
        drained.add(first);
        collectMore(drained);
        for (Inbound message : drained) {
          checker.check(message, group);
        }
        process(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("ingest apply loop failed on a group of {} messages; continuing", drained.size(), e);
      }
    }
  }

  private void collectMore(List<Inbound> group) throws InterruptedException {
    long deadline = System.nanoTime() + options.maxApplyDelay().toNanos();
    while (group.size() < options.maxBatchesPerTransaction()) {
      long left = deadline - System.nanoTime();
      Inbound next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
      if (next == null) {
        return;
      }
      group.add(next);
    }
  }

  private void process(InboundGroup group) {
    if (!group.uplink.isEmpty()) {
      List<UplinkMessage> uplink = ConsentFilter.apply(group.uplink, consentGate, counters);
      applyAndAck(uplink, group.received);
    }
    for (Status status : group.statuses) {
      connectivity(status.vin(), status.online(), status.timeMillis(), status.bootId());
    }
    for (Birth birth : group.births) {
      connectivity(birth.vin(), true, birth.timeMillis(), birth.bootId());
      reackAfterBirth(birth);
      births.handle(birth);
    }
  }

  private void applyAndAck(List<UplinkMessage> uplink, Map<DurableNotifier.BatchKey, Long> received) {
    UplinkApplyResult result;
    try {
      result = store.applyUplink(uplink);
    } catch (TwinStoreException e) {
      for (UplinkMessage message : uplink) {
        counters.reject(RejectReason.STORE_FAILURE);
        rejectLog.reject(message.vin().value(), RejectReason.STORE_FAILURE, e.getMessage());
      }
      return;
    }
    counters.appliedSamples.add(result.appliedSamples());
    counters.duplicateBatches.add(result.duplicateMessages());
    counters.gapBatches.add(result.gapMessages());
    counters.carEvents.add(result.carEventsStored());
    counters.twinEventsAppended.add(result.twinEventsAppended());
    counters.twinEventsRefused.add(result.twinEventsRefused());
    counters.quarantined.add(result.quarantined());
    long now = clock.millis();
    counters.appliedBatches.add(result.appliedMessages());
    notifier.notifyDurable(uplink, result.progress(), received, now);
    for (StreamProgress progress : result.progress()) {
      sendAck(progress, now);
    }
  }

  private void connectivity(io.spime.wire.Vin vin, boolean online, long timeMillis, long bootId) {
    try {
      store.recordConnectivity(vin, online, Instant.ofEpochMilli(timeMillis), bootId);
      counters.statuses.increment();
    } catch (TwinStoreException e) {
      rejectLog.reject(vin.value(), RejectReason.STORE_FAILURE, e.getMessage());
    }
  }

  private void reackAfterBirth(Birth birth) {
    try {
      store.streamProgress(birth.vin())
          .filter(progress -> progress.streamId() == birth.streamId())
          .filter(progress -> progress.durableSeq() > birth.lastAckedSeq())
          .ifPresent(progress -> sendAck(progress, clock.millis()));
    } catch (TwinStoreException e) {
      rejectLog.reject(birth.vin().value(), RejectReason.STORE_FAILURE, e.getMessage());
    }
  }

  private void sendAck(StreamProgress progress, long now) {
    if (progress.durableSeq() < 1) {
      return;
    }
    Ack ack = new Ack(progress.vin(), progress.streamId(), progress.durableSeq(), now);
    if (publishAck(ack)) {
      pendingAcks.sent(ack);
    } else {
      pendingAcks.defer(ack);
      counters.acksDeferred.increment();
    }
  }

  /** Sends the acks that could not go out before, once the link or its window has room again. */
  private void retryAcks() {
    if (!pendingAcks.isEmpty()) {
      pendingAcks.flush(this::publishAck);
    }
  }

  private boolean publishAck(Ack ack) {
    boolean sent = publisher.publish(Topics.of(ack.vin(), TopicKind.ACK), SessionCodec.encode(ack), false);
    if (sent) {
      counters.acksSent.increment();
    }
    return sent;
  }
}
