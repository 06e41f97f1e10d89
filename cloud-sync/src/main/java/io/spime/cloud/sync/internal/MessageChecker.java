package io.spime.cloud.sync.internal;

import io.spime.cloud.sync.RejectReason;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.wire.InvalidTopicException;
import io.spime.wire.InvalidAssetIdException;
import io.spime.wire.MalformedPayloadException;
import io.spime.wire.OversizedPayloadException;
import io.spime.wire.StreamPosition;
import io.spime.wire.UnknownSignalException;
import io.spime.wire.UnsupportedCatalogException;
import io.spime.wire.VehicleTopic;
import io.spime.wire.AssetId;
import io.spime.wire.VinMismatchException;
import io.spime.wire.WireException;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.event.EventBatch;
import io.spime.wire.event.EventCodec;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.session.Birth;
import io.spime.wire.session.SessionCodec;
import io.spime.wire.session.Status;
import io.spime.wire.state.ReportedState;
import io.spime.wire.state.StateCodec;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks one inbound message completely before anything touches the store, and counts what it refuses.
 * A sequenced message (telemetry, events, reported state) that is refused but whose place in its
 * stream can still be read is quarantined: kept raw, with the reason, in its place, so the car's stream
 * moves on instead of stalling on a message the car will send the same way forever. A message whose VIN
 * differs from its topic's is never given a place in that car's stream.
 */
final class MessageChecker {
  private final TelemetryCodec telemetry;
  private final SignalCatalog catalog;
  private final UplinkMapper mapper;
  private final TimeWindow window;
  private final IngestCounters counters;
  private final RejectLog rejectLog;

  MessageChecker(SignalCatalog catalog, Clock clock, IngestCounters counters, RejectLog rejectLog) {
    this.telemetry = new TelemetryCodec(catalog);
    this.catalog = catalog;
    this.mapper = new UplinkMapper(catalog);
    this.window = new TimeWindow(clock);
    this.counters = counters;
    this.rejectLog = rejectLog;
  }

  /** Adds the message's decoded content to the group, or counts (and maybe quarantines) it. */
  void check(Inbound message, InboundGroup group) {
    group.took(message);
    VehicleTopic topic;
    try {
      topic = io.spime.wire.Topics.parse(message.topic());
    } catch (WireException e) {
      reject(message.topic(), RejectReason.INVALID_TOPIC, e.getMessage());
      return;
    }
    try {
      switch (topic.kind()) {
        case TELEMETRY -> {
          TelemetryBatch batch = telemetry(topic.vin(), message);
          group.charge((long) InboundGroup.SAMPLE_HEAP_BYTES * batch.samples().size());
          group.addTelemetry(batch, message.receivedMillis());
        }
        case EVENTS -> {
          EventBatch batch = events(topic.vin(), message);
          group.charge((long) InboundGroup.EVENT_HEAP_BYTES * batch.events().size());
          group.uplink.add(mapped(() -> mapper.events(batch)));
        }
        case REPORTED -> {
          group.charge((long) InboundGroup.OTHER_HEAP_PER_BYTE * message.payload().length);
          ReportedState report = reported(topic.vin(), message);
          group.uplink.add(mapped(() -> mapper.reported(report)));
        }
        case BIRTH -> {
          Birth birth = SessionCodec.decodeBirth(message.payload());
          requireSameVin(topic.vin(), birth.vin(), "birth");
          group.births.add(birth);
        }
        case STATUS -> {
          Status status = SessionCodec.decodeStatus(message.payload());
          requireSameVin(topic.vin(), status.vin(), "status");
          group.statuses.add(status);
        }
        default -> reject(topic.vin().value(), RejectReason.INVALID_TOPIC,
            "ingest does not take " + topic.kind() + " messages");
      }
    } catch (WireException | ImplausibleTimeException e) {
      RejectReason reason = reasonOf(e);
      reject(topic.vin().value(), reason, e.getMessage());
      if (reason != RejectReason.VIN_MISMATCH) {
        quarantine(topic.vin(), message, reason, e.getMessage()).ifPresent(group.uplink::add);
      }
    }
  }

  private TelemetryBatch telemetry(AssetId vin, Inbound message) {
    TelemetryBatch batch = telemetry.decode(message.payload());
    requireSameVin(vin, batch.vin(), "telemetry batch " + batch.position().seq());
    if (batch.samples().isEmpty()) {
      return batch;
    }
    // The earliest and the latest sample decide; the message naming them is built only then.
    long earliest = Long.MAX_VALUE;
    long latest = Long.MIN_VALUE;
    for (Sample sample : batch.samples()) {
      earliest = Math.min(earliest, sample.timeMillis());
      latest = Math.max(latest, sample.timeMillis());
    }
    String what = "telemetry batch " + batch.position().seq() + " of " + vin;
    window.require(earliest, what);
    window.require(latest, what);
    return batch;
  }

  private EventBatch events(AssetId vin, Inbound message) {
    EventBatch batch = EventCodec.decode(message.payload());
    requireSameVin(vin, batch.vin(), "event batch " + batch.position().seq());
    for (VehicleEvent event : batch.events()) {
      window.require(event.timeMillis(), "event " + event.eventId() + " of " + vin);
    }
    return batch;
  }

  private ReportedState reported(AssetId vin, Inbound message) {
    ReportedState report = StateCodec.decodeReported(message.payload(), catalog);
    requireSameVin(vin, report.vin(), "reported state " + report.position().seq());
    window.require(report.timeMillis(), "reported state of " + vin);
    return report;
  }

  /**
   * What the mapper makes of a checked message; a value the wire allows and the twin does not is
   * refused like a malformed message (quarantined, not thrown: on the apply thread an exception
   * would end the ingest, and the car would send the same message to the next one).
   */
  private static UplinkMessage mapped(Supplier<UplinkMessage> mapping) {
    try {
      return mapping.get();
    } catch (IllegalArgumentException e) {
      throw new MalformedPayloadException("the twin refuses what it carries: " + e.getMessage(), e);
    }
  }

  private Optional<UplinkMessage> quarantine(AssetId vin, Inbound message, RejectReason reason, String detail) {
    SequenceProbe.Probe probe = SequenceProbe.probe(message.payload(), 64);
    if (probe.position().isEmpty() || probe.vin().filter(text -> !text.equals(vin.value())).isPresent()) {
      return Optional.empty();
    }
    StreamPosition position = probe.position().get();
    return Optional.of(new UplinkMessage.Quarantined(
        vin, position, message.topic(), reason + ": " + detail, message.payload()));
  }

  private static void requireSameVin(AssetId topicVin, AssetId payloadVin, String what) {
    if (!topicVin.equals(payloadVin)) {
      throw new VinMismatchException(what + " on the topic of " + topicVin + " carries VIN " + payloadVin);
    }
  }

  private void reject(String source, RejectReason reason, String detail) {
    counters.reject(reason);
    rejectLog.reject(source, reason, detail);
  }

  private static RejectReason reasonOf(Exception e) {
    if (e instanceof ImplausibleTimeException) {
      return RejectReason.IMPLAUSIBLE_TIME;
    }
    if (e instanceof OversizedPayloadException) {
      return RejectReason.OVERSIZED;
    }
    if (e instanceof InvalidAssetIdException) {
      return RejectReason.INVALID_VIN;
    }
    if (e instanceof VinMismatchException) {
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
