package io.spime.twin.sync.internal;

import io.spime.twin.StreamProgress;
import io.spime.twin.TelemetryApplyResult;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStoreException;
import io.spime.twin.sync.RejectReason;
import io.spime.wire.Ack;
import io.spime.wire.Birth;
import io.spime.wire.SessionCodec;
import io.spime.wire.TelemetryBatch;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the inbound queue in groups, checks each message, applies the group's telemetry in one
 * store transaction, then acks every touched stream with its durable seq. Nothing is acked before
 * the transaction committed.
 */
final class ApplyLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ApplyLoop.class);

  private final TwinStore store;
  private final IngestOptions options;
  private final BlockingQueue<Inbound> queue;
  private final IngestCounters counters;
  private final RejectLog rejectLog;
  private final BiConsumer<String, byte[]> publisher;
  private final MessageChecker checker;
  private volatile boolean stopping;

  ApplyLoop(
      TwinStore store,
      IngestOptions options,
      BlockingQueue<Inbound> queue,
      IngestCounters counters,
      RejectLog rejectLog,
      BiConsumer<String, byte[]> publisher) {
    this.store = store;
    this.options = options;
    this.queue = queue;
    this.counters = counters;
    this.rejectLog = rejectLog;
    this.publisher = publisher;
    this.checker = new MessageChecker(options.catalog(), counters, rejectLog);
  }

  /** Finishes what is queued, then returns from {@link #run()}. */
  void stop() {
    stopping = true;
  }

  @Override
  public void run() {
    List<Inbound> group = new ArrayList<>();
    while (true) {
      group.clear();
      try {
        Inbound first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (stopping) {
            return;
          }
          continue;
        }
        group.add(first);
        collectMore(group);
        process(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("ingest apply loop failed on a group of {} messages; continuing", group.size(), e);
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

  private void process(List<Inbound> group) {
    List<TelemetryBatch> batches = new ArrayList<>(group.size());
    List<Birth> births = new ArrayList<>();
    for (Inbound message : group) {
      checker.check(message, batches, births);
    }
    if (!batches.isEmpty()) {
      applyAndAck(batches);
    }
    for (Birth birth : births) {
      reackAfterBirth(birth);
    }
  }

  private void applyAndAck(List<TelemetryBatch> batches) {
    TelemetryApplyResult result;
    try {
      result = store.applyTelemetry(batches);
    } catch (TwinStoreException e) {
      for (TelemetryBatch batch : batches) {
        counters.reject(RejectReason.STORE_FAILURE);
        rejectLog.reject(batch.vin().value(), RejectReason.STORE_FAILURE, e.getMessage());
      }
      return;
    }
    counters.appliedBatches.add(result.appliedBatches());
    counters.appliedSamples.add(result.appliedSamples());
    counters.duplicateBatches.add(result.duplicateBatches());
    counters.gapBatches.add(result.gapBatches());
    long now = System.currentTimeMillis();
    notifyDurable(batches, result.progress(), now);
    for (StreamProgress progress : result.progress()) {
      sendAck(progress, now);
    }
  }

  /**
   * Tells the listener of each durable (vin, stream, seq) of the group once, in seq order per stream:
   * a group can hold a batch ahead of a gap and, later, the resent copy that filled the gap.
   */
  private void notifyDurable(List<TelemetryBatch> batches, List<StreamProgress> progress, long now) {
    Map<String, Long> durable = new HashMap<>();
    for (StreamProgress stream : progress) {
      durable.put(stream.vin().value() + "/" + stream.streamId(), stream.durableSeq());
    }
    Map<String, TelemetryBatch> once = new TreeMap<>();
    for (TelemetryBatch batch : batches) {
      String stream = batch.vin().value() + "/" + batch.position().streamId();
      Long seq = durable.get(stream);
      if (seq != null && batch.position().seq() <= seq) {
        once.putIfAbsent(String.format("%s/%020d", stream, batch.position().seq()), batch);
      }
    }
    for (TelemetryBatch batch : once.values()) {
      try {
        options.durabilityListener().durable(batch, now);
      } catch (RuntimeException e) {
        LOG.warn("durability listener failed on batch {} of {}", batch.position().seq(),
            batch.vin(), e);
      }
    }
  }

  private void reackAfterBirth(Birth birth) {
    try {
      store.streamProgress(birth.vin())
          .filter(progress -> progress.streamId() == birth.streamId())
          .filter(progress -> progress.durableSeq() > birth.lastAckedSeq())
          .ifPresent(progress -> sendAck(progress, System.currentTimeMillis()));
    } catch (TwinStoreException e) {
      rejectLog.reject(birth.vin().value(), RejectReason.STORE_FAILURE, e.getMessage());
    }
  }

  private void sendAck(StreamProgress progress, long now) {
    if (progress.durableSeq() < 1) {
      return;
    }
    Ack ack = new Ack(progress.vin(), progress.streamId(), progress.durableSeq(), now);
    publisher.accept(Topics.of(progress.vin(), TopicKind.ACK), SessionCodec.encode(ack));
  }
}
