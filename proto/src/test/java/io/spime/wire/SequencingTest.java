package io.spime.wire;

import static io.spime.wire.Fixtures.CATALOG;
import static io.spime.wire.Fixtures.POSITION;
import static io.spime.wire.Fixtures.VIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spime.wire.internal.Fields;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequencingTest {
  private final TelemetryCodec codec = new TelemetryCodec(CATALOG);

  @Test
  void a_telemetry_body_with_its_sequence_added_decodes_as_the_batch() {
    TelemetryBatch batch = Fixtures.mixedBatch();

    byte[] body = codec.encodeBody(VIN, batch.samples());
    TelemetryBatch decoded = codec.decode(Sequencing.withSequence(body, POSITION));

    assertEquals(codec.decode(codec.encode(batch)), decoded);
    assertEquals(codec.encode(batch).length, body.length + Sequencing.withSequence(new byte[0],
        POSITION).length, "the same message, the sequence moved to the front");
  }

  @Test
  void the_sequence_field_never_takes_more_than_the_room_bodies_leave_for_it() {
    StreamPosition widest = new StreamPosition(-1, Long.MAX_VALUE, -1);

    assertEquals(Fields.MAX_SEQUENCE_FIELD_BYTES - 1,
        Sequencing.withSequence(new byte[0], widest).length,
        "a signed seq is one varint byte short of the unsigned 64-bit room kept for it");
    assertEquals(Fields.bodyLimit(100), 100 - Fields.MAX_SEQUENCE_FIELD_BYTES);
  }

  @Test
  void a_telemetry_body_that_would_not_fit_once_sequenced_is_refused() {
    List<Sample> samples = List.of(new Sample(52, Fixtures.T0,
        new SignalValue.Text("x".repeat(TelemetryCodec.MAX_PAYLOAD_BYTES - 40))));

    OversizedPayloadException e = assertThrows(OversizedPayloadException.class,
        () -> codec.encodeBody(VIN, samples));

    assertEquals(true, e.getMessage().endsWith("exceeds the limit of 1048545; seal batches sooner"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> codec.encodeBody(VIN, List.of()));
  }
}
