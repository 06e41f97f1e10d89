package io.spime.cloud.sync.internal;

import io.spime.cloud.sync.DurabilityListener;
import io.spime.twin.ingest.StreamProgress;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.wire.telemetry.TelemetryBatch;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the listener of each durable telemetry batch of a group once, in seq order per stream: a group
 * can hold a batch ahead of a gap and, later, the resent copy that filled the gap.
 */
final class DurableNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(DurableNotifier.class);

  private final DurabilityListener listener;

  DurableNotifier(DurabilityListener listener) {
    this.listener = listener;
  }

  /** A batch's place: vin, stream and seq; ordered by seq within a stream. */
  record BatchKey(String vin, long streamId, long seq) implements Comparable<BatchKey> {
    private static final Comparator<BatchKey> ORDER = Comparator.comparing(BatchKey::vin)
        .thenComparingLong(BatchKey::streamId).thenComparingLong(BatchKey::seq);

    static BatchKey of(TelemetryBatch batch) {
      return new BatchKey(batch.vin().value(), batch.position().streamId(), batch.position().seq());
    }

    @Override
    public int compareTo(BatchKey other) {
      return ORDER.compare(this, other);
    }
  }

  /** {@code received}: when each batch came; a batch missing there counts as received {@code now}. */
  void notifyDurable(List<UplinkMessage> uplink, List<StreamProgress> progress, Map<BatchKey, Long> received,
      long now) {
    Map<StreamKey, Long> durable = new HashMap<>();
    for (StreamProgress stream : progress) {
      durable.put(new StreamKey(stream.vin(), stream.streamId()), stream.durableSeq());
    }
    Map<BatchKey, TelemetryBatch> once = new TreeMap<>();
    for (UplinkMessage message : uplink) {
      if (message instanceof UplinkMessage.Telemetry telemetry) {
        TelemetryBatch batch = telemetry.batch();
        Long seq = durable.get(new StreamKey(batch.vin(), batch.position().streamId()));
        if (seq != null && batch.position().seq() <= seq) {
          once.putIfAbsent(BatchKey.of(batch), batch);
        }
      }
    }
    for (Map.Entry<BatchKey, TelemetryBatch> entry : once.entrySet()) {
      TelemetryBatch batch = entry.getValue();
      try {
        listener.durable(batch, received.getOrDefault(entry.getKey(), now), now);
      } catch (RuntimeException e) {
        LOG.warn("durability listener failed on batch {} of {}", batch.position().seq(), batch.vin(), e);
      }
    }
  }
}
