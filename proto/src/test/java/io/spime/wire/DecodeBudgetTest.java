package io.spime.wire;

import static io.spime.wire.Fixtures.CATALOG;
import static io.spime.wire.Fixtures.POSITION;
import static io.spime.wire.Fixtures.T0;
import static io.spime.wire.Fixtures.VIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.wire.event.EventCodec;
import io.spime.wire.event.EventDetail;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.state.StateCodec;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import io.spime.wire.telemetry.TelemetryCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No payload costs more heap to decode than its {@link DecodeBudget}: the shapes that pack the most
 * decoded values into the fewest bytes are refused before they are parsed, and a full batch of an
 * agent still fits.
 */
class DecodeBudgetTest {
  private static final TelemetryCodec TELEMETRY = new TelemetryCodec(CATALOG);
  private static final int MIB = TelemetryCodec.MAX_PAYLOAD_BYTES;

  static Stream<Arguments> amplifiedShapes() {
    Consumer<byte[]> telemetry = TELEMETRY::decode;
    Consumer<byte[]> events = EventCodec::decode;
    Consumer<byte[]> reported = payload -> StateCodec.decodeReported(payload, CATALOG);
    return Stream.of(
        Arguments.of("booleans on a grid", (IntFunction<byte[]>) AmplifiedPayloads::booleans,
            MIB, telemetry),
        Arguments.of("unchanged values", (IntFunction<byte[]>) AmplifiedPayloads::unchangedValues,
            MIB, telemetry),
        Arguments.of("empty texts", (IntFunction<byte[]>) AmplifiedPayloads::emptyTexts, MIB,
            telemetry),
        Arguments.of("tiny events", (IntFunction<byte[]>) AmplifiedPayloads::tinyEvents,
            EventCodec.MAX_PAYLOAD_BYTES, events),
        Arguments.of("software versions",
            (IntFunction<byte[]>) AmplifiedPayloads::manySoftwareVersions,
            StateCodec.MAX_PAYLOAD_BYTES, reported));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("amplifiedShapes")
  void no_payload_of_the_densest_shapes_costs_more_heap_than_its_budget(
      String shape, IntFunction<byte[]> payloadOf, int limit, Consumer<byte[]> decode) {
    for (int bytes = 4 * 1024; bytes <= limit; bytes *= 2) {
      byte[] payload = payloadOf.apply(bytes);
      HeapMeter.allocatedBy(() -> decode.accept(payload));
      long allocated = HeapMeter.allocatedBy(() -> decode.accept(payload));
      long budget = DecodeBudget.forPayload(payload.length);
      assertTrue(allocated <= budget, String.format("%s: %,d bytes of payload took %,d bytes of "
          + "heap to decode, over the budget of %,d", shape, payload.length, allocated, budget));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("amplifiedShapes")
  void the_densest_payloads_at_their_size_limit_are_refused_before_they_are_parsed(
      String shape, IntFunction<byte[]> payloadOf, int limit, Consumer<byte[]> decode) {
    byte[] payload = payloadOf.apply(limit);
    assertThrows(DecodeBudgetExceededException.class, () -> decode.accept(payload), shape);
    long allocated = HeapMeter.allocatedBy(() -> decode.accept(payload));
    assertTrue(allocated < 64 * 1024, shape + ": refusing cost " + allocated + " bytes of heap");
  }

  @Test
  void the_refusal_names_the_budget_and_what_the_payload_asked_for() {
    byte[] payload = AmplifiedPayloads.booleans(MIB);

    DecodeBudgetExceededException e =
        assertThrows(DecodeBudgetExceededException.class, () -> TELEMETRY.decode(payload));

    assertEquals(payload.length, e.payloadBytes());
    assertEquals(DecodeBudget.forPayload(payload.length), e.budgetBytes());
    assertTrue(e.estimatedBytes() > 50L * MIB, e.getMessage());
    assertTrue(e.getMessage().startsWith(String.format("telemetry payload of %,d bytes (%,d values, "
        + "2 messages) would take about %,d bytes of heap", payload.length, MIB - 128,
        e.estimatedBytes())), e.getMessage());
    assertTrue(e.getMessage().contains(String.format("above its budget of %,d bytes (1,048,576 + 4 "
        + "per payload byte)", e.budgetBytes())), e.getMessage());
  }

  @Test
  void unknown_fields_are_discarded_not_kept() {
    byte[] payload = AmplifiedPayloads.withUnknownFields(AmplifiedPayloads.booleans(200), MIB);

    TELEMETRY.decode(payload);
    long allocated = HeapMeter.allocatedBy(() -> TELEMETRY.decode(payload));

    assertTrue(allocated < 64 * 1024, "a megabyte of unknown fields cost " + allocated + " bytes");
  }

  @Test
  void a_full_batch_of_an_agent_fits_its_budget_whatever_its_signals() {
    List<Sample> booleans = new ArrayList<>();
    List<Sample> jittered = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      booleans.add(new Sample(AmplifiedPayloads.BOOLEAN_SIGNAL, T0 + i, SignalValue.of(i % 2 == 0)));
      jittered.add(new Sample(AmplifiedPayloads.SCALED_SIGNAL, T0 + i * 3L + i % 5,
          SignalValue.of(50 + i % 7 * 0.1)));
    }
    for (List<Sample> samples : List.of(booleans, jittered)) {
      byte[] payload = TELEMETRY.encode(new TelemetryBatch(VIN, POSITION, CATALOG.version(), samples));
      assertEquals(5_000, TELEMETRY.decode(payload).samples().size());
    }
  }

  @Test
  void encoders_refuse_what_decoders_would_refuse_so_agents_seal_smaller_batches() {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      samples.add(new Sample(AmplifiedPayloads.BOOLEAN_SIGNAL, T0 + i, SignalValue.of(true)));
    }
    assertThrows(DecodeBudgetExceededException.class, () -> TELEMETRY.encodeBody(VIN, samples));
    assertThrows(DecodeBudgetExceededException.class,
        () -> TELEMETRY.encode(new TelemetryBatch(VIN, POSITION, CATALOG.version(), samples)));

    List<VehicleEvent> events = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      events.add(new VehicleEvent("e" + i, T0, Priority.NORMAL, DataCategory.USAGE,
          new EventDetail.Ignition(true), Map.of()));
    }
    assertThrows(DecodeBudgetExceededException.class, () -> EventCodec.encodeBody(VIN, events));
  }
}
