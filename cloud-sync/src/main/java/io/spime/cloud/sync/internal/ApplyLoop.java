package io.spime.cloud.sync.internal;

import io.spime.cloud.sync.RejectReason;
import io.spime.twin.TwinStore;
import io.spime.twin.exceptions.TwinException;
import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.ingest.StatusReport;
import io.spime.twin.ingest.StreamProgress;
import io.spime.twin.ingest.UplinkApplyResult;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.session.Ack;
import io.spime.wire.session.Birth;
import io.spime.wire.session.SessionCodec;
import io.spime.wire.session.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drains the inbound queue in groups, checks each message, applies the group's sequenced uplink in one
 * store transaction, then acks every touched stream with its durable seq. Nothing is acked before the
 * transaction committed. Statuses and births are handled after the group's uplink. An ack that cannot
 * go out at once is kept ({@link PendingAcks}) and sent before the next group, or within 100 ms when
 * the queue is idle. A store failure that may pass is retried ({@link StoreRetry}); a message ahead of
 * its stream's next seq is held a moment and tried again ({@link GapHold}). A group ends at the most messages per transaction, at the apply delay, or once
 * what it holds decoded reaches {@link #MAX_GROUP_HEAP_BYTES}. Anything this thread cannot handle (an
 * {@link Error}, an unexpected exception) ends the ingest through {@link IngestFailure}.
 */
final class ApplyLoop implements Runnable {
  /** Decoded messages one group may hold (InboundGroup's estimate) before it is applied. */
  static final long MAX_GROUP_HEAP_BYTES = 64L * 1024 * 1024;

  private final TwinStore store;
  private final IngestOptions options;
  private final InboundQueue queue;
  private final IngestCounters counters;
  private final RejectLog rejectLog;
  private final DownlinkPublisher publisher;
  private final MessageChecker checker;
  private final ConsentGate consentGate;
  private final BirthHandler births;
  private final DurableNotifier notifier;
  private final Clock clock;
  private final IngestFailure failure;
  private final PendingAcks pendingAcks = new PendingAcks();
  private final StoreRetry retry = new StoreRetry();
  private final GapHold gaps = new GapHold();
  private volatile boolean stopping;

  ApplyLoop(TwinStore store, IngestOptions options, InboundQueue queue, IngestCounters counters,
      RejectLog rejectLog, DownlinkPublisher publisher, ConsentGate consentGate, BirthHandler births,
      Clock clock, IngestFailure failure) {
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
    this.failure = failure;
  }

  /** Finishes what is queued, then returns from {@link #run()}. */
  void stop() {
    stopping = true;
  }

  @Override
  public void run() {
    try {
      loop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      failure.fail("the apply thread", e);
    }
  }

  private void loop() throws InterruptedException {
    InboundGroup group = new InboundGroup();
    while (!failure.happened()) {
      group.clear();
      retryAcks();
      Inbound first = queue.poll(100, TimeUnit.MILLISECONDS);
      if (first == null) {
        if (stopping) {
          counters.gapBatches.add(gaps.clear());
          return;
        }
        if (!gaps.isEmpty()) {
          process(group); // nothing new: try the held messages again
        }
        continue;
      }
      checker.check(first, group);
      collectMore(group);
      process(group);
    }
  }

  private void collectMore(InboundGroup group) throws InterruptedException {
    long deadline = System.nanoTime() + options.maxApplyDelay().toNanos();
    while (group.taken() < options.maxBatchesPerTransaction()
        && group.heapBytes() < MAX_GROUP_HEAP_BYTES) {
      long left = deadline - System.nanoTime();
      Inbound next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
      if (next == null) {
        return;
      }
      checker.check(next, group);
    }
  }

  private void process(InboundGroup group) {
    if (!group.uplink.isEmpty() || !gaps.isEmpty()) {
      applyAndAck(group.uplink, group.received);
    }
    List<StatusReport> statuses = new ArrayList<>(group.statuses.size() + group.births.size());
    for (Status status : group.statuses) {
      statuses.add(new StatusReport(status.vin(), status.online(), Instant.ofEpochMilli(status.timeMillis()),
          status.bootId()));
    }
    for (Birth birth : group.births) {
      statuses.add(new StatusReport(birth.vin(), true, Instant.ofEpochMilli(birth.timeMillis()), birth.bootId()));
    }
    if (!statuses.isEmpty()) {
      connectivity(statuses);
    }
    for (Birth birth : group.births) {
      reackAfterBirth(birth);
      births.handle(birth);
    }
  }

  private void applyAndAck(List<UplinkMessage> checked, Map<DurableNotifier.BatchKey, Long> received) {
    List<UplinkMessage> uplink = checked;
    UplinkApplyResult result;
    try {
      uplink = gaps.withHeld(retry.call("reading the consents of " + checked.size() + " uplink messages",
          () -> ConsentFilter.apply(checked, consentGate, counters)), received);
      List<UplinkMessage> filtered = uplink;
      long started = System.nanoTime();
      try {
        result = retry.call("applying " + filtered.size() + " uplink messages", () -> store.applyUplink(filtered));
      } catch (TwinException e) {
        options.transactionListener().transaction(filtered.size(), System.nanoTime() - started, false);
        throw e;
      }
      options.transactionListener().transaction(filtered.size(), System.nanoTime() - started, true);
    } catch (TwinException e) {
      for (UplinkMessage message : uplink) {
        counters.reject(RejectReason.STORE_FAILURE);
        rejectLog.reject(message.vin().value(), RejectReason.STORE_FAILURE, e.getMessage());
      }
      gaps.clear(); // counted as rejected above; their cars resend
      return;
    }
    GapHold.Settled settled = gaps.settle(uplink, result.progress(), received, System.nanoTime());
    counters.appliedSamples.add(result.appliedSamples());
    counters.duplicateBatches.add(result.duplicateMessages());
    counters.gapBatches.add(settled.givenUp());
    counters.carEvents.add(result.carEventsStored());
    counters.twinEventsAppended.add(result.twinEventsAppended());
    counters.twinEventsRefused.add(result.twinEventsRefused());
    counters.quarantined.add(result.quarantined());
    long now = clock.millis();
    counters.appliedBatches.add(result.appliedMessages());
    notifier.notifyDurable(uplink, result.progress(), received, now);
    for (StreamProgress progress : result.progress()) {
      if (!settled.waiting().contains(new StreamKey(progress.vin(), progress.streamId()))) {
        sendAck(progress, now);
      }
    }
  }

  /** Records a group's statuses and births in one transaction (one commit, not one a car). */
  private void connectivity(List<StatusReport> statuses) {
    try {
      retry.call("recording the connectivity of " + statuses.size() + " cars", () -> {
        store.recordConnectivity(statuses);
        return null;
      });
      counters.statuses.add(statuses.size());
    } catch (TwinStoreException e) {
      for (StatusReport status : statuses) {
        rejectLog.reject(status.vin().value(), RejectReason.STORE_FAILURE, e.getMessage());
      }
    }
  }

  private void reackAfterBirth(Birth birth) {
    try {
      retry.call("reading the stream progress of " + birth.vin().value(), () -> store.streamProgress(birth.vin()))
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
