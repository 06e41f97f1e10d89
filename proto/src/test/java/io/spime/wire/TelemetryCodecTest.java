package io.spime.wire;

import static io.spime.wire.Fixtures.CATALOG;
import static io.spime.wire.Fixtures.POSITION;
import static io.spime.wire.Fixtures.T0;
import static io.spime.wire.Fixtures.VIN;
import static io.spime.wire.Fixtures.bySignal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.spime.proto.v1.SignalSeries;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TelemetryCodecTest {
  private final TelemetryCodec codec = new TelemetryCodec(CATALOG);

  @Test
  void round_trips_every_value_type_keeping_vin_position_and_order_within_each_signal() {
    TelemetryBatch batch = Fixtures.mixedBatch();

    TelemetryBatch decoded = codec.decode(codec.encode(batch));

    assertEquals(VIN, decoded.vin());
    assertEquals(POSITION, decoded.position());
    assertEquals(CATALOG.version(), decoded.catalogVersion());
    assertEquals(quantized(batch.samples()), bySignal(decoded.samples()));
  }

  @Test
  void round_trips_full_precision_doubles() {
    TelemetryCodec full = new TelemetryCodec(Fixtures.catalogWithFullPrecision());
    List<Sample> samples = List.of(
        new Sample(2, T0, new SignalValue.Number(Math.PI)),
        new Sample(2, T0 + 1000, new SignalValue.Number(-Double.MAX_VALUE)),
        new Sample(2, T0 + 2000, new SignalValue.Number(Double.MIN_VALUE)),
        new Sample(2, T0 + 2500, new SignalValue.Number(-0.0)));

    TelemetryBatch decoded = full.decode(full.encode(new TelemetryBatch(VIN, POSITION, 1, samples)));

    assertEquals(samples, decoded.samples());
  }

  @Test
  void codes_a_fixed_grid_as_one_interval_without_time_deltas() throws Exception {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      samples.add(new Sample(1, T0 + 250 + i * 100L, new SignalValue.Number(i)));
      samples.add(new Sample(3, T0 + i * 1000L, new SignalValue.Bool(i % 2 == 0)));
    }
    TelemetryBatch batch = new TelemetryBatch(VIN, POSITION, CATALOG.version(), samples);

    byte[] payload = codec.encode(batch);

    io.spime.proto.v1.TelemetryBatch proto = io.spime.proto.v1.TelemetryBatch.parseFrom(payload);
    assertEquals(T0, proto.getBaseTimeMs());
    assertEquals(200, proto.getSampleCount());
    SignalSeries speed = proto.getSeries(0);
    assertEquals(250, speed.getFirstOffsetMs());
    assertEquals(100, speed.getIntervalMs());
    assertEquals(0, speed.getTimeDeltasMsCount());
    assertEquals(1000, proto.getSeries(1).getIntervalMs());
    assertEquals(quantized(samples), bySignal(codec.decode(payload).samples()));
  }

  @Test
  void round_trips_irregular_times_as_deltas() throws Exception {
    long[] times = {T0, T0 + 7, T0 + 107, T0 + 108, T0 + 5000, T0 + 5001};
    List<Sample> samples = new ArrayList<>();
    for (long time : times) {
      samples.add(new Sample(1, time, new SignalValue.Number(time - T0)));
    }

    byte[] payload = codec.encode(new TelemetryBatch(VIN, POSITION, CATALOG.version(), samples));

    SignalSeries series = io.spime.proto.v1.TelemetryBatch.parseFrom(payload).getSeries(0);
    assertEquals(0, series.getIntervalMs());
    assertEquals(List.of(7L, 100L, 1L, 4892L, 1L), series.getTimeDeltasMsList());
    assertEquals(samples, codec.decode(payload).samples());
  }

  @Test
  void keeps_non_monotonic_and_repeated_timestamps_in_recording_order() {
    long[] times = {T0 + 500, T0 + 100, T0 + 100, T0 + 900, T0 - 3_600_000, T0 + 200};
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < times.length; i++) {
      samples.add(new Sample(3, times[i], new SignalValue.Bool(i % 3 == 0)));
    }
    samples.add(new Sample(1, T0 + 100, new SignalValue.Number(1)));
    samples.add(new Sample(1, T0, new SignalValue.Number(2)));

    TelemetryBatch decoded = codec.decode(codec.encode(new TelemetryBatch(VIN, POSITION, CATALOG.version(), samples)));

    assertEquals(bySignal(samples), bySignal(decoded.samples()));
  }

  @Test
  void round_trips_a_single_sample_and_negative_and_extreme_times() {
    for (long time : new long[] {0, -1, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2}) {
      List<Sample> one = List.of(new Sample(2, time, new SignalValue.Number(4_000_000_000L)));

      TelemetryBatch decoded = codec.decode(codec.encode(new TelemetryBatch(VIN, POSITION, CATALOG.version(), one)));

      assertEquals(one, decoded.samples());
    }
  }

  @Test
  void quantizes_to_within_half_a_resolution_step() {
    Random random = new Random(20261123);
    for (int id : new int[] {1, 2, 4, 7, 10, 13, 16, 22, 53}) {
      SignalDefinition signal = CATALOG.require(id);
      List<Sample> samples = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        double value = (random.nextDouble() - 0.5) * 2 * Math.pow(10, random.nextInt(7));
        samples.add(new Sample(id, T0 + i, new SignalValue.Number(value)));
      }

      List<Sample> decoded =
          codec.decode(codec.encode(new TelemetryBatch(VIN, POSITION, CATALOG.version(), samples))).samples();

      for (int i = 0; i < samples.size(); i++) {
        double sent = ((SignalValue.Number) samples.get(i).value()).value();
        double got = ((SignalValue.Number) decoded.get(i).value()).value();
        double step = signal.scale();
        assertTrue(Math.abs(got - sent) <= step / 2 * (1 + 1e-9) + Math.ulp(sent),
            signal.path() + ": sent " + sent + ", got " + got + " at step " + step);
        assertEquals(Math.rint(got / step), got / step, Math.max(1e-6, 4 * Math.ulp(got / step)),
            signal.path() + ": " + got + " is not a whole number of steps " + step);
      }
    }
  }

  @Test
  void decodes_decimal_values_at_decimal_resolution_to_the_nearest_double() {
    List<Sample> samples = List.of(
        new Sample(4, T0, new SignalValue.Number(48.137154)),
        new Sample(5, T0, new SignalValue.Number(11.576124)),
        new Sample(1, T0, new SignalValue.Number(0.3)),
        new Sample(53, T0, new SignalValue.Number(12.47)));

    TelemetryBatch decoded = codec.decode(codec.encode(new TelemetryBatch(VIN, POSITION, CATALOG.version(), samples)));

    assertEquals(samples, decoded.samples());
  }

  @Test
  void encoding_refuses_a_value_of_the_wrong_type_naming_the_signal() {
    TelemetryBatch batch = new TelemetryBatch(VIN, POSITION, CATALOG.version(),
        List.of(new Sample(3, T0, new SignalValue.Number(1))));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> codec.encode(batch));

    assertEquals("Vehicle.IsMoving is boolean but a sample holds Number[value=1.0]", e.getMessage());
  }

  @Test
  void encoding_refuses_unknown_signals_other_catalogs_and_values_out_of_range() {
    assertThrows(UnknownSignalException.class, () -> codec.encode(new TelemetryBatch(VIN, POSITION, CATALOG.version(),
        List.of(new Sample(9999, T0, new SignalValue.Number(1))))));
    assertThrows(IllegalArgumentException.class, () -> codec.encode(new TelemetryBatch(VIN, POSITION,
        CATALOG.version() + 1, List.of(new Sample(1, T0, new SignalValue.Number(1))))));
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> codec.encode(new TelemetryBatch(VIN, POSITION, CATALOG.version(),
            List.of(new Sample(4, T0, new SignalValue.Number(1e12))))));
    assertTrue(range.getMessage().contains("Vehicle.CurrentLocation.Latitude value 1.0E12 is out of range"),
        range.getMessage());
    assertThrows(IllegalArgumentException.class, () -> codec.encode(new TelemetryBatch(VIN, POSITION, CATALOG.version(),
        List.of(new Sample(1, Long.MIN_VALUE, new SignalValue.Number(1)),
            new Sample(1, Long.MAX_VALUE, new SignalValue.Number(1))))));
  }

  @Test
  void encoding_refuses_a_batch_larger_than_the_limit() {
    String text = "x".repeat(64 * 1024);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      samples.add(new Sample(52, T0 + i, new SignalValue.Text(text)));
    }

    OversizedPayloadException e = assertThrows(OversizedPayloadException.class,
        () -> codec.encode(new TelemetryBatch(VIN, POSITION, CATALOG.version(), samples)));

    assertTrue(e.getMessage().endsWith("exceeds the limit of 1048576; seal batches sooner"),
        e.getMessage());
  }

  @Test
  void decoding_against_a_topic_checks_the_vin_and_the_kind() {
    byte[] payload = codec.encode(Fixtures.mixedBatch());

    assertEquals(VIN, codec.decode(new VehicleTopic(VIN, TopicKind.TELEMETRY), payload).vin());
    VinMismatchException mismatch = assertThrows(VinMismatchException.class,
        () -> codec.decode(new VehicleTopic(Fixtures.OTHER_VIN, TopicKind.TELEMETRY), payload));
    assertEquals("telemetry batch 42 on the topic of 1HGCM82633A004352 carries VIN 1M8GDM9AXKP042788",
        mismatch.getMessage());
    assertThrows(InvalidTopicException.class,
        () -> codec.decode(new VehicleTopic(VIN, TopicKind.EVENTS), payload));
  }

  @Test
  void payload_is_protobuf_a_generic_reader_can_parse() throws InvalidProtocolBufferException {
    io.spime.proto.v1.TelemetryBatch proto =
        io.spime.proto.v1.TelemetryBatch.parseFrom(codec.encode(Fixtures.mixedBatch()));

    assertEquals(VIN.value(), proto.getVin());
    assertEquals(42, proto.getSequence().getSeq());
    assertEquals(62, proto.getSampleCount());
    assertEquals(List.of(1, 2, 3, 4, 5, 22, 52),
        proto.getSeriesList().stream().map(SignalSeries::getSignalId).toList());
  }

  /** What the codec should return: values at their catalog resolution, grouped by signal. */
  private static Map<Integer, List<Sample>> quantized(List<Sample> samples) {
    List<Sample> expected = new ArrayList<>();
    for (Sample sample : samples) {
      SignalDefinition signal = CATALOG.require(sample.signalId());
      SignalValue value = sample.value();
      if (value instanceof SignalValue.Number number && signal.isScaled()) {
        double inverse = Math.rint(1 / signal.scale());
        value = new SignalValue.Number(signal.scale() < 1
            ? Math.rint(number.value() * inverse) / inverse
            : Math.rint(number.value() / signal.scale()) * signal.scale());
      }
      expected.add(new Sample(sample.signalId(), sample.timeMillis(), value));
    }
    return bySignal(expected);
  }
}
