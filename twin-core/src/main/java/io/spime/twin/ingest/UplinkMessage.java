package io.spime.twin.ingest;

import io.spime.twin.PendingEvent;
import io.spime.twin.TwinStore;
import io.spime.twin.fleet.CarEvent;
import io.spime.twin.internal.Checks;
import io.spime.wire.StreamPosition;
import io.spime.wire.AssetId;
import io.spime.wire.telemetry.TelemetryBatch;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One message of a car's uplink sequence as the store applies it ({@link TwinStore#applyUplink}):
 * every kind of message holds one place in the car's gapless sequence of its stream.
 */
public sealed interface UplinkMessage {

  /** The vehicle that sent it. */
  AssetId vin();

  /** Its place in the vehicle's uplink sequence. */
  StreamPosition position();

  /**
   * A telemetry batch.
   *
   * @param batch the batch; its vin and position are the message's
   */
  record Telemetry(TelemetryBatch batch) implements UplinkMessage {
    public Telemetry {
      Objects.requireNonNull(batch, "batch");
    }

    @Override
    public AssetId vin() {
      return batch.vin();
    }

    @Override
    public StreamPosition position() {
      return batch.position();
    }
  }

  /**
   * An event batch or a state report: what the car raised, and the twin events it means.
   *
   * @param vin the vehicle
   * @param position the message's place in the sequence
   * @param carEvents every event as the car raised it, kept as it came
   * @param twinEvents the twin events the message means, appended to the journal as one append; either
   *     list or both may be empty (a message with nothing the cloud keeps, e.g. samples all without
   *     consent, still takes its place in the stream)
   */
  record Events(AssetId vin, StreamPosition position, List<CarEvent> carEvents, List<PendingEvent> twinEvents)
      implements UplinkMessage {
    public Events {
      Objects.requireNonNull(vin, "vin");
      Objects.requireNonNull(position, "position");
      carEvents = List.copyOf(carEvents);
      twinEvents = List.copyOf(twinEvents);
    }
  }

  /**
   * A message that holds a place in the sequence but cannot be used (malformed, of an unknown
   * version, refused by a check), kept raw so it can be looked at and replayed later. Equal by
   * content; {@link #payload()} returns a copy.
   *
   * @param vin the vehicle
   * @param position the message's place in the sequence
   * @param topic the MQTT topic it came on
   * @param reason why it cannot be used
   * @param payload the raw payload
   */
  record Quarantined(AssetId vin, StreamPosition position, String topic, String reason, byte[] payload)
      implements UplinkMessage {
    public Quarantined {
      Objects.requireNonNull(vin, "vin");
      Objects.requireNonNull(position, "position");
      Checks.text(topic, "topic");
      Checks.text(reason, "reason");
      payload = Objects.requireNonNull(payload, "payload").clone();
    }

    /** A copy of the raw payload. */
    @Override
    public byte[] payload() {
      return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Quarantined q && vin.equals(q.vin) && position.equals(q.position)
          && topic.equals(q.topic) && reason.equals(q.reason) && Arrays.equals(payload, q.payload);
    }

    @Override
    public int hashCode() {
      return Objects.hash(vin, position, topic, reason, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
      return "Quarantined[vin=" + vin + ", position=" + position + ", topic=" + topic + ", reason=" + reason
          + ", payload=" + payload.length + " bytes]";
    }
  }
}
