package io.spime.wire.event;

import io.spime.wire.DecodeBudget;
import io.spime.wire.DecodeBudgetExceededException;
import io.spime.wire.InvalidVinException;
import io.spime.wire.MalformedPayloadException;
import io.spime.wire.OversizedPayloadException;
import io.spime.wire.Sequencing;
import io.spime.wire.StreamPosition;
import io.spime.wire.AssetId;
import io.spime.wire.internal.EventProtos;
import io.spime.wire.internal.Fields;
import io.spime.wire.internal.Parsing;
import io.spime.wire.internal.Positions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Encodes and decodes {@link EventBatch}es, the payload of {@code spime/v1/{vin}/events}.
 *
 * <p>A batch carries its number of events ({@code event_count}, written last), so a payload cut
 * short at a field boundary is refused like any other truncated one. An event of a kind this
 * version does not know decodes as {@link EventDetail.Unrecognized}; an event without a priority
 * gets its kind's default (that of {@link VehicleEvent#of}).
 */
public final class EventCodec {
  /** Largest event batch payload accepted, in bytes. */
  public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

  private EventCodec() {}

  /**
   * Encodes a batch with its sequence.
   *
   * @throws OversizedPayloadException if the payload would exceed {@link #MAX_PAYLOAD_BYTES} or
   *     its {@link DecodeBudget} (a {@link DecodeBudgetExceededException})
   */
  public static byte[] encode(EventBatch batch) {
    Objects.requireNonNull(batch, "batch");
    return Sequencing.withSequence(encodeBody(batch.vin(), batch.events()), batch.position());
  }

  /**
   * Encodes a batch without its sequence, as an outbox stores it; {@link
   * Sequencing#withSequence} makes it a payload that {@link #decode} reads.
   *
   * @throws IllegalArgumentException if there are no events
   * @throws OversizedPayloadException if the payload, once sequenced, could exceed {@link
   *     #MAX_PAYLOAD_BYTES} or its {@link DecodeBudget} (a {@link DecodeBudgetExceededException})
   */
  public static byte[] encodeBody(AssetId vin, List<VehicleEvent> events) {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(events, "events");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("an event batch needs at least one event");
    }
    io.spime.proto.v1.EventBatch.Builder out =
        io.spime.proto.v1.EventBatch.newBuilder().setVin(vin.value());
    for (VehicleEvent event : events) {
      out.addEvents(EventProtos.encode(Objects.requireNonNull(event, "event")));
    }
    byte[] body = out.setEventCount(events.size()).build().toByteArray();
    String what = "event batch of " + vin + " without its sequence";
    Parsing.requireSize(body, what, Fields.bodyLimit(MAX_PAYLOAD_BYTES));
    return Parsing.requireBudget(body, what, io.spime.proto.v1.EventBatch.getDefaultInstance(),
        Parsing.SEQUENCE_COST);
  }

  /**
   * Decodes a payload, checking it completely before returning.
   *
   * @throws OversizedPayloadException if the payload exceeds {@link #MAX_PAYLOAD_BYTES}, or (a
   *     {@link DecodeBudgetExceededException}) would take more heap to decode than its {@link
   *     DecodeBudget}
   * @throws MalformedPayloadException if it is not protobuf, truncated, has no valid sequence, or
   *     an event is invalid: its id not 1..128 characters, its time not positive, its category
   *     missing or unknown, its priority or command outcome unknown, or its values out of range
   * @throws InvalidVinException if its VIN is not a valid VIN form
   */
  public static EventBatch decode(byte[] payload) {
    io.spime.proto.v1.EventBatch proto = Parsing.parse(payload, "event batch", MAX_PAYLOAD_BYTES,
        io.spime.proto.v1.EventBatch.getDefaultInstance());
    AssetId vin = AssetId.parseLenient(proto.getVin());
    StreamPosition position = Positions.of(proto.getSequence(), "event batch of " + vin);
    String where = "event batch " + position.seq() + " of " + vin;
    // Declared count is unsigned and untrusted: compare, never size anything by it.
    long declared = Integer.toUnsignedLong(proto.getEventCount());
    if (proto.getEventsCount() == 0 || proto.getEventsCount() != declared) {
      throw new MalformedPayloadException(where + " declares " + declared + " events but holds "
          + proto.getEventsCount() + " (truncated or empty)");
    }
    List<VehicleEvent> events = new ArrayList<>(proto.getEventsCount());
    for (int i = 0; i < proto.getEventsCount(); i++) {
      events.add(EventProtos.decode(proto.getEvents(i), i + 1, where));
    }
    return new EventBatch(vin, position, events);
  }
}
