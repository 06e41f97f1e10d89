package io.spime.wire;

import static io.spime.wire.Fixtures.CATALOG;
import static io.spime.wire.Fixtures.T0;
import static io.spime.wire.Fixtures.VIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.spime.proto.v1.Sequence;
import io.spime.proto.v1.SignalSeries;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Truncated, garbage, oversized and inconsistent telemetry payloads: each gets a specific error. */
class TelemetryHostileInputTest {
  private final TelemetryCodec codec = new TelemetryCodec(CATALOG);

  @Test
  void every_truncation_of_a_valid_payload_is_refused_never_decoded_as_a_smaller_batch() {
    byte[] payload = codec.encode(Fixtures.mixedBatch());
    assertTrue(payload.length > 150, "payload of " + payload.length + " bytes");

    for (int length = 0; length < payload.length; length++) {
      byte[] cut = Arrays.copyOf(payload, length);
      assertThrows(WireException.class, () -> codec.decode(cut), "cut at " + length);
    }
  }

  @Test
  void dropping_whole_trailing_series_is_refused_by_the_sample_count() {
    io.spime.proto.v1.TelemetryBatch full = proto(Fixtures.mixedBatch());
    io.spime.proto.v1.TelemetryBatch shorter = full.toBuilder().removeSeries(6).build();

    MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
        () -> codec.decode(shorter.toByteArray()));

    assertEquals("telemetry batch 42 of 1M8GDM9AXKP042788 declares 62 samples but holds 60 "
        + "(truncated or empty)", e.getMessage());
  }

  @Test
  void random_garbage_is_refused_with_wire_exceptions_only() {
    Random random = new Random(0x5D1E);
    for (int i = 0; i < 5000; i++) {
      byte[] garbage = new byte[random.nextInt(600)];
      random.nextBytes(garbage);
      assertThrows(WireException.class, () -> codec.decode(garbage), "garbage #" + i);
    }
  }

  @Test
  void mutated_valid_payloads_decode_or_fail_with_wire_exceptions_only() {
    byte[] valid = codec.encode(Fixtures.mixedBatch());
    Random random = new Random(0xB17F11B);
    int refused = 0;
    for (int i = 0; i < 5000; i++) {
      byte[] mutated = valid.clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
      }
      refused += decodesOrRefuses(mutated, "mutation #" + i) ? 0 : 1;
    }
    assertTrue(refused > 1000, "only " + refused + " of 5000 mutations refused");
  }

  @Test
  void structurally_valid_protobuf_with_random_fields_decodes_or_fails_with_wire_exceptions_only() {
    Random random = new Random(0xF0221);
    int refused = 0;
    for (int i = 0; i < 20_000; i++) {
      refused += decodesOrRefuses(randomBatch(random).toByteArray(), "random batch #" + i) ? 0 : 1;
    }
    assertTrue(refused > 10_000, "only " + refused + " of 20000 random batches refused");
  }

  @Test
  void oversized_payload_is_refused_before_parsing() {
    byte[] huge = new byte[TelemetryCodec.MAX_PAYLOAD_BYTES + 1];

    OversizedPayloadException e = assertThrows(OversizedPayloadException.class, () -> codec.decode(huge));

    assertEquals("telemetry payload of 1048577 bytes exceeds the limit of 1048576", e.getMessage());
    assertThrows(MalformedPayloadException.class,
        () -> codec.decode(new byte[TelemetryCodec.MAX_PAYLOAD_BYTES]));
  }

  @Test
  void nan_and_infinity_in_the_doubles_column_are_refused() {
    TelemetryCodec full = new TelemetryCodec(Fixtures.catalogWithFullPrecision());
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      byte[] payload = batch(series(2).addDoubles(1.5).addDoubles(bad).setIntervalMs(100), 2)
          .toByteArray();

      MalformedPayloadException e =
          assertThrows(MalformedPayloadException.class, () -> full.decode(payload));

      assertEquals("series of signal 2 (Vehicle.Exterior.AirTemperature) holds the non-finite value "
          + bad, e.getMessage());
    }
  }

  @Test
  void unknown_signal_id_is_refused() {
    byte[] payload = batch(series(9999).addBools(true), 1).toByteArray();

    UnknownSignalException e = assertThrows(UnknownSignalException.class, () -> codec.decode(payload));

    assertEquals("signal id 9999 is not in catalog v2", e.getMessage());
  }

  @Test
  void a_newer_or_zero_catalog_version_is_refused() {
    for (int version : new int[] {3, 0, -1}) {
      byte[] payload = batch(series(3).addBools(true), 1).toBuilder().setCatalogVersion(version)
          .build().toByteArray();

      UnsupportedCatalogException e =
          assertThrows(UnsupportedCatalogException.class, () -> codec.decode(payload));

      assertEquals("telemetry batch of 1M8GDM9AXKP042788 uses signal catalog v"
          + Integer.toUnsignedString(version) + ", this side reads v1 to v2", e.getMessage());
    }
  }

  @Test
  void an_older_catalog_version_is_read_because_catalogs_only_grow() {
    SignalCatalog newer = SignalCatalog.of(CATALOG.version() + 1, List.copyOf(CATALOG.signals()));
    byte[] olderPayload = codec.encode(Fixtures.mixedBatch());

    TelemetryBatch decoded = new TelemetryCodec(newer).decode(olderPayload);

    assertEquals(CATALOG.version(), decoded.catalogVersion());
    assertEquals(62, decoded.samples().size());
  }

  @Test
  void invalid_vin_is_refused() {
    for (String vin : new String[] {"", "1M8GDM9AXKP04278", "1M8GDM9AXKP0I2788", "1M8GDM9AXKP04278\u00e9"}) {
      byte[] payload = batch(series(3).addBools(true), 1).toBuilder().setVin(vin).build().toByteArray();

      assertThrows(InvalidVinException.class, () -> codec.decode(payload), vin);
    }
  }

  @Test
  void values_in_a_column_that_does_not_fit_the_signal_are_refused() {
    assertColumnRefused(series(1).addBools(true), "1 (Vehicle.Speed)");
    assertColumnRefused(series(1).addDoubles(12.5), "1 (Vehicle.Speed)");
    assertColumnRefused(series(2).addDoubles(12.5), "2 (Vehicle.TraveledDistance)");
    assertColumnRefused(series(3).addScaledDeltas(1), "3 (Vehicle.IsMoving)");
    assertColumnRefused(series(3).addBools(true).addStrings("x"), "3 (Vehicle.IsMoving)");
    assertColumnRefused(series(52).addBools(true), "52 (Vehicle.LowVoltageSystemState)");
  }

  @Test
  void inconsistent_series_are_refused_with_what_is_wrong() {
    assertMalformed(batch(series(3), 0), "series of signal 3 (Vehicle.IsMoving) has no values");
    assertMalformed(batch(series(3).addBools(true).addBools(false), 2),
        "series of signal 3 (Vehicle.IsMoving) has 2 values but 0 time deltas");
    assertMalformed(batch(series(3).addBools(true).addBools(false).setIntervalMs(10)
            .addTimeDeltasMs(10), 2),
        "series of signal 3 (Vehicle.IsMoving) has both a fixed interval and time deltas");
    assertMalformed(batch(series(3).addBools(true).addBools(false).addTimeDeltasMs(1)
            .addTimeDeltasMs(1), 2),
        "series of signal 3 (Vehicle.IsMoving) has 2 values but 2 time deltas");
    assertMalformed(batch(series(3).addBools(true), 1).toBuilder().addSeries(series(3).addBools(false))
            .setSampleCount(2).build(),
        "series of signal 3 (Vehicle.IsMoving) appears in more than one series");
    assertMalformed(batch(series(3).addBools(true), 2),
        "telemetry batch 42 of 1M8GDM9AXKP042788 declares 2 samples but holds 1 (truncated or empty)");
    assertMalformed(io.spime.proto.v1.TelemetryBatch.newBuilder().setVin(VIN.value())
            .setCatalogVersion(1).setSequence(sequence(1)).build(),
        "telemetry batch 1 of 1M8GDM9AXKP042788 declares 0 samples but holds 0 (truncated or empty)");
  }

  @Test
  void a_huge_declared_sample_count_is_refused_without_allocating_for_it() {
    assertMalformed(batch(series(3).addBools(true), -1),
        "telemetry batch 42 of 1M8GDM9AXKP042788 declares 4294967295 samples but holds 1 "
            + "(truncated or empty)");
  }

  @Test
  void times_and_values_beyond_64_bits_are_refused() {
    String overflow = "series of signal 2 (Vehicle.TraveledDistance) has times or values beyond the "
        + "range of a 64-bit integer";
    assertMalformed(batch(series(2).addScaledDeltas(1), 1).toBuilder().setBaseTimeMs(Long.MAX_VALUE)
        .setSeries(0, series(2).addScaledDeltas(1).setFirstOffsetMs(1)).build(), overflow);
    assertMalformed(batch(series(2).addScaledDeltas(1).addScaledDeltas(1).setIntervalMs(-1), 2)
        .toBuilder().setBaseTimeMs(Long.MAX_VALUE - 10).build(), overflow);
    assertMalformed(batch(series(2).addScaledDeltas(1L << 53).addScaledDeltas(Long.MAX_VALUE)
        .setIntervalMs(1), 2), overflow);
  }

  @Test
  void a_value_beyond_two_to_the_53_steps_is_refused_as_no_encoder_writes_it() {
    assertMalformed(batch(series(1).addScaledDeltas(1L << 60), 1), "series of signal 1 "
        + "(Vehicle.Speed) has a value of 1152921504606846976 steps of 0.1, beyond the 2^53 steps a "
        + "value may take");
    assertMalformed(batch(series(1).addScaledDeltas(1L << 53).addScaledDeltas(1).setIntervalMs(1),
        2), "series of signal 1 (Vehicle.Speed) has a value of 9007199254740993 steps of 0.1, "
        + "beyond the 2^53 steps a value may take");
  }

  @Test
  void a_missing_or_zero_sequence_is_refused() {
    assertMalformed(batch(series(3).addBools(true), 1).toBuilder().clearSequence().build(),
        "telemetry batch of 1M8GDM9AXKP042788 has no valid sequence (stream 0, seq 0, boot 0)");
    assertMalformed(batch(series(3).addBools(true), 1).toBuilder().setSequence(sequence(0)).build(),
        "telemetry batch of 1M8GDM9AXKP042788 has no valid sequence (stream 1, seq 0, boot 2)");
    assertMalformed(batch(series(3).addBools(true), 1).toBuilder().setSequence(sequence(-1)).build(),
        "telemetry batch of 1M8GDM9AXKP042788 has no valid sequence (stream 1, seq 18446744073709551615, boot 2)");
  }

  @Test
  void an_unsigned_interval_above_two_to_the_31_is_read_as_such() {
    byte[] payload = batch(series(3).addBools(true).addBools(false).setIntervalMs(-2), 2)
        .toByteArray();

    TelemetryBatch decoded = codec.decode(payload);

    assertEquals(T0 + 4_294_967_294L, decoded.samples().get(1).timeMillis());
  }

  /** True if it decoded, false if refused with a WireException; fails the test on anything else. */
  private boolean decodesOrRefuses(byte[] payload, String what) {
    try {
      codec.decode(payload);
      return true;
    } catch (WireException e) {
      return false;
    } catch (RuntimeException | Error e) {
      fail(what + " threw " + e, e);
      return false;
    }
  }

  private static io.spime.proto.v1.TelemetryBatch randomBatch(Random random) {
    io.spime.proto.v1.TelemetryBatch.Builder batch = io.spime.proto.v1.TelemetryBatch.newBuilder()
        .setVin(VIN.value())
        .setCatalogVersion(1)
        .setSequence(sequence(1 + random.nextInt(3) - 1))
        .setBaseTimeMs(random.nextBoolean() ? T0 : random.nextLong());
    int total = 0;
    for (int s = random.nextInt(4); s >= 0; s--) {
      SignalSeries.Builder series = SignalSeries.newBuilder()
          .setSignalId(random.nextInt(70))
          .setFirstOffsetMs(random.nextBoolean() ? random.nextInt(1000) : random.nextLong());
      int values = random.nextInt(6);
      total += values;
      for (int v = 0; v < values; v++) {
        switch (random.nextInt(4)) {
          case 0 -> series.addScaledDeltas(random.nextBoolean() ? random.nextInt(100) : random.nextLong());
          case 1 -> series.addDoubles(random.nextInt(10) == 0 ? Double.NaN : random.nextGaussian());
          case 2 -> series.addBools(random.nextBoolean());
          default -> series.addStrings(random.nextBoolean() ? "ON" : "");
        }
      }
      if (random.nextBoolean()) {
        series.setIntervalMs(random.nextBoolean() ? 100 : random.nextInt());
      }
      for (int d = random.nextInt(values + 1); d > 0; d--) {
        series.addTimeDeltasMs(random.nextBoolean() ? random.nextInt(200) - 50 : random.nextLong());
      }
      batch.addSeries(series);
    }
    return batch.setSampleCount(random.nextInt(4) == 0 ? random.nextInt() : total).build();
  }

  private void assertColumnRefused(SignalSeries.Builder series, String signal) {
    MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
        () -> codec.decode(batch(series, series.getBoolsCount() + series.getDoublesCount()
            + series.getScaledDeltasCount() + series.getStringsCount()).toByteArray()));
    assertTrue(e.getMessage().startsWith("series of signal " + signal
        + " carries values in a column that does not fit "), e.getMessage());
  }

  private void assertMalformed(io.spime.proto.v1.TelemetryBatch batch, String message) {
    MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
        () -> codec.decode(batch.toByteArray()));
    assertEquals(message, e.getMessage());
  }

  private static SignalSeries.Builder series(int signalId) {
    return SignalSeries.newBuilder().setSignalId(signalId);
  }

  private static io.spime.proto.v1.TelemetryBatch batch(SignalSeries.Builder series, int count) {
    return io.spime.proto.v1.TelemetryBatch.newBuilder()
        .setVin(VIN.value())
        .setSequence(sequence(42))
        .setCatalogVersion(1)
        .setBaseTimeMs(T0)
        .addSeries(series)
        .setSampleCount(count)
        .build();
  }

  private static Sequence sequence(long seq) {
    return Sequence.newBuilder().setStreamId(1).setSeq(seq).setBootId(2).build();
  }

  private io.spime.proto.v1.TelemetryBatch proto(TelemetryBatch batch) {
    try {
      return io.spime.proto.v1.TelemetryBatch.parseFrom(codec.encode(batch));
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
