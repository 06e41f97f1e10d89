package io.spime.twin.sync.internal;

import io.spime.twin.StreamProgress;
import io.spime.twin.UplinkMessage;
import io.spime.twin.sync.DurabilityListener;
import io.spime.wire.TelemetryBatch;
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

  void notifyDurable(List<UplinkMessage> uplink, List<StreamProgress> progress, long now) {
    Map<String, Long> durable = new HashMap<>();
    for (StreamProgress stream : progress) {
      durable.put(stream.vin().value() + "/" + stream.streamId(), stream.durableSeq());
    }
    Map<String, TelemetryBatch> once = new TreeMap<>();
    for (UplinkMessage message : uplink) {
      if (message instanceof UplinkMessage.Telemetry telemetry) {
        TelemetryBatch batch = telemetry.batch();
        String stream = batch.vin().value() + "/" + batch.position().streamId();
        Long seq = durable.get(stream);
        if (seq != null && batch.position().seq() <= seq) {
          once.putIfAbsent(String.format("%s/%020d", stream, batch.position().seq()), batch);
        }
      }
    }
    for (TelemetryBatch batch : once.values()) {
      try {
        listener.durable(batch, now);
      } catch (RuntimeException e) {
        LOG.warn("durability listener failed on batch {} of {}", batch.position().seq(), batch.vin(), e);
      }
    }
  }
}
