package io.spime.twin.sync.internal;

import io.spime.twin.sync.RejectReason;
import io.spime.wire.Birth;
import io.spime.wire.InvalidTopicException;
import io.spime.wire.InvalidVinException;
import io.spime.wire.MalformedPayloadException;
import io.spime.wire.OversizedPayloadException;
import io.spime.wire.SessionCodec;
import io.spime.wire.SignalCatalog;
import io.spime.wire.TelemetryBatch;
import io.spime.wire.TelemetryCodec;
import io.spime.wire.UnknownSignalException;
import io.spime.wire.UnsupportedCatalogException;
import io.spime.wire.VehicleTopic;
import io.spime.wire.Vin;
import io.spime.wire.WireException;
import java.util.List;

/** Checks one inbound message completely before anything touches the store; counts rejections. */
final class MessageChecker {
  private final TelemetryCodec codec;
  private final IngestCounters counters;
  private final RejectLog rejectLog;

  MessageChecker(SignalCatalog catalog, IngestCounters counters, RejectLog rejectLog) {
    this.codec = new TelemetryCodec(catalog);
    this.counters = counters;
    this.rejectLog = rejectLog;
  }

  /** Adds the message's decoded content to the list of its kind, or counts its rejection. */
  void check(Inbound message, List<TelemetryBatch> batches, List<Birth> births) {
    VehicleTopic topic;
    try {
      topic = io.spime.wire.Topics.parse(message.topic());
    } catch (WireException e) {
      reject(message.topic(), RejectReason.INVALID_TOPIC, e);
      return;
    }
    String source = topic.vin().value();
    try {
      switch (topic.kind()) {
        case TELEMETRY -> {
          TelemetryBatch batch = codec.decode(message.payload());
          requireSameVin(topic.vin(), batch.vin(), "telemetry batch " + batch.position().seq());
          batches.add(batch);
        }
        case BIRTH -> {
          Birth birth = SessionCodec.decodeBirth(message.payload());
          requireSameVin(topic.vin(), birth.vin(), "birth");
          births.add(birth);
        }
        default -> {
          // Only subscribed kinds arrive; anything else is a misrouted message.
          reject(source, RejectReason.INVALID_TOPIC,
              new InvalidTopicException("ingest does not take " + topic.kind()));
        }
      }
    } catch (WireException e) {
      reject(source, reasonOf(e), e);
    }
  }

  private static void requireSameVin(Vin topicVin, Vin payloadVin, String what) {
    if (!topicVin.equals(payloadVin)) {
      throw new io.spime.wire.VinMismatchException(
          what + " on the topic of " + topicVin + " carries VIN " + payloadVin);
    }
  }

  private void reject(String source, RejectReason reason, Exception error) {
    counters.reject(reason);
    rejectLog.reject(source, reason, error.getMessage());
  }

  private static RejectReason reasonOf(WireException e) {
    if (e instanceof OversizedPayloadException) {
      return RejectReason.OVERSIZED;
    }
    if (e instanceof InvalidVinException) {
      return RejectReason.INVALID_VIN;
    }
    if (e instanceof io.spime.wire.VinMismatchException) {
      return RejectReason.VIN_MISMATCH;
    }
    if (e instanceof UnsupportedCatalogException) {
      return RejectReason.UNSUPPORTED_CATALOG;
    }
    if (e instanceof UnknownSignalException) {
      return RejectReason.UNKNOWN_SIGNAL;
    }
    if (e instanceof InvalidTopicException) {
      return RejectReason.INVALID_TOPIC;
    }
    if (e instanceof MalformedPayloadException) {
      return RejectReason.MALFORMED;
    }
    return RejectReason.MALFORMED;
  }
}
