package io.spime.wire;

import static io.spime.wire.Fixtures.T0;
import static io.spime.wire.Fixtures.VIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spime.wire.session.Ack;
import io.spime.wire.session.Birth;
import io.spime.wire.session.SessionCodec;
import io.spime.wire.session.Status;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SessionCodecTest {
  private static final Ack ACK = new Ack(VIN, -7L, 1234, T0);
  private static final Birth BIRTH = new Birth(VIN, "spime-agent 0.1.0", 0xB007L, -7L, 1, 1200, 3, T0);
  private static final Status ONLINE = new Status(VIN, true, 0xB007L, T0);
  private static final Status OFFLINE = new Status(VIN, false, 0xB007L, T0 + 1);

  @Test
  void round_trips_ack_birth_and_status() {
    assertEquals(ACK, SessionCodec.decodeAck(SessionCodec.encode(ACK)));
    assertEquals(BIRTH, SessionCodec.decodeBirth(SessionCodec.encode(BIRTH)));
    assertEquals(ONLINE, SessionCodec.decodeStatus(SessionCodec.encode(ONLINE)));
    assertEquals(OFFLINE, SessionCodec.decodeStatus(SessionCodec.encode(OFFLINE)));
    Ack none = new Ack(VIN, 9, 0, T0);
    assertEquals(none, SessionCodec.decodeAck(SessionCodec.encode(none)));
  }

  @Test
  void every_truncation_is_refused() {
    assertEveryTruncationRefused(SessionCodec.encode(ACK), SessionCodec::decodeAck);
    assertEveryTruncationRefused(SessionCodec.encode(BIRTH), SessionCodec::decodeBirth);
    assertEveryTruncationRefused(SessionCodec.encode(ONLINE), SessionCodec::decodeStatus);
    assertEveryTruncationRefused(SessionCodec.encode(OFFLINE), SessionCodec::decodeStatus);
  }

  @Test
  void random_garbage_is_refused_with_wire_exceptions_only() {
    Random random = new Random(0xACC);
    for (int i = 0; i < 3000; i++) {
      byte[] garbage = new byte[random.nextInt(120)];
      random.nextBytes(garbage);
      assertThrows(WireException.class, () -> SessionCodec.decodeAck(garbage), "ack #" + i);
      assertThrows(WireException.class, () -> SessionCodec.decodeBirth(garbage), "birth #" + i);
      assertThrows(WireException.class, () -> SessionCodec.decodeStatus(garbage), "status #" + i);
    }
  }

  @Test
  void oversized_payloads_are_refused() {
    byte[] huge = new byte[SessionCodec.MAX_PAYLOAD_BYTES + 1];

    assertEquals("Ack payload of 4097 bytes exceeds the limit of 4096",
        assertThrows(OversizedPayloadException.class, () -> SessionCodec.decodeAck(huge)).getMessage());
    assertThrows(OversizedPayloadException.class, () -> SessionCodec.decodeBirth(huge));
    assertThrows(OversizedPayloadException.class, () -> SessionCodec.decodeStatus(huge));
  }

  @Test
  void refuses_ack_without_stream_or_with_a_seq_beyond_signed_range() {
    assertMalformed("ack for 1M8GDM9AXKP042788 has no stream id", () -> SessionCodec.decodeAck(
        io.spime.proto.v1.Ack.newBuilder().setVin(VIN.value()).setSeq(1).setTimeMs(T0).build()
            .toByteArray()));
    assertMalformed("ack for 1M8GDM9AXKP042788 has seq 18446744073709551615, beyond the largest "
        + "signed 64-bit number", () -> SessionCodec.decodeAck(io.spime.proto.v1.Ack.newBuilder()
            .setVin(VIN.value()).setStreamId(1).setSeq(-1).setTimeMs(T0).build().toByteArray()));
  }

  @Test
  void refuses_birth_without_ids_catalog_or_time() {
    io.spime.proto.v1.Birth valid = io.spime.proto.v1.Birth.newBuilder().setVin(VIN.value())
        .setAgentVersion("a").setBootId(1).setStreamId(2).setCatalogVersion(1).setTimeMs(T0).build();
    assertEquals(new Birth(VIN, "a", 1, 2, 1, 0, 0, T0),
        SessionCodec.decodeBirth(valid.toByteArray()));

    assertMalformed("birth of 1M8GDM9AXKP042788 lacks a boot id or a stream id",
        () -> SessionCodec.decodeBirth(valid.toBuilder().setBootId(0).build().toByteArray()));
    assertMalformed("birth of 1M8GDM9AXKP042788 lacks a boot id or a stream id",
        () -> SessionCodec.decodeBirth(valid.toBuilder().setStreamId(0).build().toByteArray()));
    assertMalformed("birth of 1M8GDM9AXKP042788 names catalog version 0",
        () -> SessionCodec.decodeBirth(valid.toBuilder().setCatalogVersion(0).build().toByteArray()));
    assertMalformed("birth of 1M8GDM9AXKP042788 has last acked seq 18446744073709551615, beyond the "
        + "largest signed 64-bit number",
        () -> SessionCodec.decodeBirth(valid.toBuilder().setLastAckedSeq(-1).build().toByteArray()));
    assertMalformed("birth of 1M8GDM9AXKP042788 has time -5 (missing, or the payload was cut short)",
        () -> SessionCodec.decodeBirth(valid.toBuilder().setTimeMs(-5).build().toByteArray()));
  }

  @Test
  void refuses_status_without_a_known_state() {
    assertMalformed("status of 1M8GDM9AXKP042788 has no known state: 0",
        () -> SessionCodec.decodeStatus(io.spime.proto.v1.Status.newBuilder().setVin(VIN.value())
            .setTimeMs(T0).build().toByteArray()));
    assertMalformed("status of 1M8GDM9AXKP042788 has no known state: 7",
        () -> SessionCodec.decodeStatus(io.spime.proto.v1.Status.newBuilder().setVin(VIN.value())
            .setStateValue(7).setTimeMs(T0).build().toByteArray()));
  }

  @Test
  void refuses_status_without_a_boot_id_which_the_twin_store_needs() {
    assertMalformed("status of 1M8GDM9AXKP042788 lacks a boot id",
        () -> SessionCodec.decodeStatus(io.spime.proto.v1.Status.newBuilder().setVin(VIN.value())
            .setState(io.spime.proto.v1.Status.State.STATE_ONLINE).setTimeMs(T0).build().toByteArray()));
    assertThrows(IllegalArgumentException.class,
        () -> SessionCodec.encode(new Status(VIN, true, 0, T0)));
  }

  @Test
  void refuses_invalid_vins() {
    byte[] payload = io.spime.proto.v1.Ack.newBuilder().setVin("1M8GDM9AXKP0O2788").setStreamId(1)
        .setSeq(1).setTimeMs(T0).build().toByteArray();

    assertThrows(InvalidVinException.class, () -> SessionCodec.decodeAck(payload));
  }

  @Test
  void encoding_refuses_a_time_that_decoding_would_refuse() {
    assertThrows(IllegalArgumentException.class,
        () -> SessionCodec.encode(new Ack(VIN, 1, 1, 0)));
    assertThrows(IllegalArgumentException.class,
        () -> SessionCodec.encode(new Status(VIN, false, 1, -1)));
    assertThrows(IllegalArgumentException.class,
        () -> SessionCodec.encode(new Birth(VIN, "a", 1, 2, 1, 0, 0, 0)));
    assertThrows(IllegalArgumentException.class,
        () -> SessionCodec.encode(new Birth(VIN, "a", 1, 2, 0, 0, 0, T0)));
  }

  private static void assertEveryTruncationRefused(byte[] payload, Function<byte[], ?> decoder) {
    for (int length = 0; length < payload.length; length++) {
      byte[] cut = Arrays.copyOf(payload, length);
      assertThrows(WireException.class, () -> decoder.apply(cut), "cut at " + length);
    }
  }

  private static void assertMalformed(String message, Runnable decode) {
    assertEquals(message, assertThrows(MalformedPayloadException.class, decode::run).getMessage());
  }
}
