package io.spime.wire;

import static io.spime.wire.Fixtures.POSITION;
import static io.spime.wire.Fixtures.T0;
import static io.spime.wire.Fixtures.VIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.spime.proto.v1.CommandResult;
import io.spime.proto.v1.CrashEvent;
import io.spime.proto.v1.DtcEvent;
import io.spime.proto.v1.IgnitionEvent;
import io.spime.proto.v1.Sequence;
import io.spime.wire.event.EventBatch;
import io.spime.wire.event.EventCodec;
import io.spime.wire.event.EventDetail;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.state.CommandOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  @Test
  void every_event_kind_round_trips_with_its_attributes_priority_and_category() {
    EventBatch batch = WireValues.batch();

    EventBatch decoded = EventCodec.decode(EventCodec.encode(batch));

    assertEquals(batch, decoded);
    assertEquals(10, decoded.events().size());
  }

  @Test
  void a_stored_body_with_its_sequence_added_is_the_encoded_batch() {
    EventBatch batch = WireValues.batch();

    byte[] body = EventCodec.encodeBody(VIN, batch.events());
    byte[] payload = Sequencing.withSequence(body, POSITION);

    assertArrayEquals(EventCodec.encode(batch), payload);
    assertEquals(batch, EventCodec.decode(payload));
    assertThrows(MalformedPayloadException.class, () -> EventCodec.decode(body),
        "a body has no sequence and is not a payload");
  }

  @Test
  void an_unspecified_priority_becomes_the_kinds_default() {
    byte[] payload = batch(event("c").setCrash(CrashEvent.newBuilder().setPeakG(9)),
        event("i").setIgnition(IgnitionEvent.newBuilder().setOn(true)),
        event("d").setDtc(DtcEvent.newBuilder().setCode("U0100")))
        .toByteArray();

    List<VehicleEvent> events = EventCodec.decode(payload).events();

    assertEquals(List.of(Priority.CRITICAL, Priority.NORMAL, Priority.HIGH),
        events.stream().map(VehicleEvent::priority).toList());
  }

  @Test
  void an_event_of_a_kind_added_later_decodes_as_unrecognized_with_its_attributes() {
    io.spime.proto.v1.VehicleEvent.Builder newer = event("geo").putAttributes("zone", "depot-3")
        .setUnknownFields(UnknownFieldSet.newBuilder().addField(16, UnknownFieldSet.Field.newBuilder()
            .addLengthDelimited(ByteString.copyFromUtf8("\u0008\u0001")).build()).build());

    VehicleEvent decoded = EventCodec.decode(batch(newer).toByteArray()).events().get(0);

    assertEquals(new EventDetail.Unrecognized(), decoded.detail());
    assertEquals(Map.of("zone", "depot-3"), decoded.attributes());
    assertEquals(Priority.NORMAL, decoded.priority());
  }

  @Test
  void a_batch_with_fewer_or_more_events_than_it_declares_is_refused() {
    io.spime.proto.v1.EventBatch.Builder two = batch(event("a").setIgnition(IgnitionEvent.newBuilder()),
        event("b").setIgnition(IgnitionEvent.newBuilder())).toBuilder();

    assertMalformed("event batch 42 of 1M8GDM9AXKP042788 declares 3 events but holds 2 "
        + "(truncated or empty)", two.setEventCount(3).build());
    assertMalformed("event batch 42 of 1M8GDM9AXKP042788 declares 1 events but holds 2 "
        + "(truncated or empty)", two.setEventCount(1).build());
    assertMalformed("event batch 42 of 1M8GDM9AXKP042788 declares 4294967295 events but holds 2 "
        + "(truncated or empty)", two.setEventCount(-1).build());
    assertMalformed("event batch 42 of 1M8GDM9AXKP042788 declares 0 events but holds 0 "
        + "(truncated or empty)", two.clearEvents().setEventCount(0).build());
  }

  @Test
  void a_missing_or_zero_sequence_is_refused() {
    io.spime.proto.v1.EventBatch valid = batch(event("a").setIgnition(IgnitionEvent.newBuilder()));

    assertMalformed("event batch of 1M8GDM9AXKP042788 has no valid sequence (stream 0, seq 0, boot 0)",
        valid.toBuilder().clearSequence().build());
    assertMalformed("event batch of 1M8GDM9AXKP042788 has no valid sequence (stream 1, seq 0, boot 2)",
        valid.toBuilder().setSequence(sequence(0)).build());
  }

  @Test
  void invalid_vins_are_refused() {
    for (String vin : new String[] {"", "1M8GDM9AXKP04278", "1M8GDM9AXKP0I2788"}) {
      byte[] payload = batch(event("a").setIgnition(IgnitionEvent.newBuilder())).toBuilder()
          .setVin(vin).build().toByteArray();

      assertThrows(InvalidVinException.class, () -> EventCodec.decode(payload), vin);
    }
  }

  @Test
  void an_invalid_event_is_refused_with_what_is_wrong_with_it() {
    String event1 = "event 1 ('a') of event batch 42 of 1M8GDM9AXKP042788";
    assertMalformed("event 1 of event batch 42 of 1M8GDM9AXKP042788 has an event id of 0 characters; "
        + "ids are 1..128 characters, not blank", batch(event("")));
    assertMalformed("event 1 of event batch 42 of 1M8GDM9AXKP042788 has an event id of 129 characters "
        + "(blank or too long); ids are 1..128 characters, not blank", batch(event("x".repeat(129))));
    assertMalformed(event1 + " has time 0 (missing, or the payload was cut short)",
        batch(event("a").setTimeMs(0)));
    assertMalformed(event1 + " has time -5 (missing, or the payload was cut short)",
        batch(event("a").setTimeMs(-5)));
    assertMalformed(event1 + " has no data category", batch(event("a").setCategoryValue(0)));
    assertMalformed(event1 + " has unknown data category 6", batch(event("a").setCategoryValue(6)));
    assertMalformed(event1 + " has unknown priority 5", batch(event("a").setPriorityValue(5)));
    assertMalformed(event1 + " has unknown priority -1", batch(event("a").setPriorityValue(-1)));
    assertMalformed(event1 + ": DTC code must look like P0301, was 'p0301'",
        batch(event("a").setDtc(DtcEvent.newBuilder().setCode("p0301"))));
    assertMalformed(event1 + ": peakG must be a finite number >= 0, was NaN",
        batch(event("a").setCrash(CrashEvent.newBuilder().setPeakG(Double.NaN))));
    assertMalformed(event1 + " has command result outcome 0, not one this version knows",
        batch(event("a").setCommandResult(CommandResult.newBuilder().setCommandId("c"))));
    assertMalformed(event1 + " has command result outcome 9, not one this version knows",
        batch(event("a").setCommandResult(CommandResult.newBuilder().setCommandId("c").setOutcomeValue(9))));
    assertMalformed(event1 + ": commandId must not be blank",
        batch(event("a").setCommandResult(CommandResult.newBuilder()
            .setOutcome(CommandResult.Outcome.OUTCOME_APPLIED))));
    assertMalformed(event1 + " answers a command id of 129 characters; ids are 1..128 characters",
        batch(event("a").setCommandResult(CommandResult.newBuilder().setCommandId("c".repeat(129))
            .setOutcome(CommandResult.Outcome.OUTCOME_APPLIED))));
  }

  @Test
  void oversized_payloads_are_refused_when_decoding_and_encoding() {
    byte[] huge = new byte[EventCodec.MAX_PAYLOAD_BYTES + 1];

    assertEquals("event batch payload of 262145 bytes exceeds the limit of 262144",
        assertThrows(OversizedPayloadException.class, () -> EventCodec.decode(huge)).getMessage());
    VehicleEvent big = new VehicleEvent("big", T0, Priority.LOW, DataCategory.USAGE,
        new EventDetail.Ignition(false), Map.of("blob", "x".repeat(EventCodec.MAX_PAYLOAD_BYTES)));
    OversizedPayloadException e = assertThrows(OversizedPayloadException.class,
        () -> EventCodec.encodeBody(VIN, List.of(big)));
    assertTrue(e.getMessage().startsWith("event batch of 1M8GDM9AXKP042788 without its sequence is "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith(" bytes, above the limit of 262113"), e.getMessage());
  }

  @Test
  void encoding_refuses_an_empty_batch_and_records_refuse_what_decoding_would() {
    assertThrows(IllegalArgumentException.class, () -> EventCodec.encodeBody(VIN, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new EventBatch(VIN, POSITION, List.of()));
    assertThrows(IllegalArgumentException.class, () -> VehicleEvent.of(new EventDetail.Ignition(true), 0));
    assertThrows(IllegalArgumentException.class,
        () -> new EventDetail.CommandResult(" ", new CommandOutcome(CommandOutcome.Status.APPLIED, "")));
  }

  static io.spime.proto.v1.VehicleEvent.Builder event(String id) {
    return io.spime.proto.v1.VehicleEvent.newBuilder().setEventId(id).setTimeMs(T0)
        .setCategory(io.spime.proto.v1.DataCategory.DATA_CATEGORY_USAGE);
  }

  static io.spime.proto.v1.EventBatch batch(io.spime.proto.v1.VehicleEvent.Builder... events) {
    io.spime.proto.v1.EventBatch.Builder batch = io.spime.proto.v1.EventBatch.newBuilder()
        .setVin(VIN.value()).setSequence(sequence(42)).setEventCount(events.length);
    for (io.spime.proto.v1.VehicleEvent.Builder event : events) {
      batch.addEvents(event);
    }
    return batch.build();
  }

  private static Sequence sequence(long seq) {
    return Sequence.newBuilder().setStreamId(1).setSeq(seq).setBootId(2).build();
  }

  private static void assertMalformed(String message, io.spime.proto.v1.EventBatch batch) {
    MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
        () -> EventCodec.decode(batch.toByteArray()));
    assertEquals(message, e.getMessage());
  }
}
