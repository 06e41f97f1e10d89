package io.spime.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.wire.Sample;
import io.spime.wire.SignalValue;
import io.spime.wire.StreamPosition;
import io.spime.wire.TelemetryBatch;
import io.spime.wire.Vin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryApplyTest {
  private static final long STREAM = 77L;
  private static final long T0 = 1_700_000_000_000L;

  @TempDir Path dir;
  private TwinStore store;

  @BeforeEach
  void open() {
    store = TwinStores.sqlite(dir.resolve("twin.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  static TelemetryBatch batch(Vin vin, long stream, long seq, Sample... samples) {
    return new TelemetryBatch(vin, new StreamPosition(stream, seq, 9L), 1, Arrays.asList(samples));
  }

  static Sample speed(long time, double kmh) {
    return new Sample(1, time, SignalValue.of(kmh));
  }

  @Test
  void applies_batches_in_sequence_and_keeps_the_latest_value_per_signal() {
    Vin vin = TestVins.vin(1);
    TelemetryApplyResult r =
        store.applyTelemetry(
            List.of(
                batch(vin, STREAM, 1, speed(T0, 10), speed(T0 + 1000, 20)),
                batch(vin, STREAM, 2, speed(T0 + 2000, 30), new Sample(3, T0 + 2000, SignalValue.of(true)))));
    assertEquals(2, r.appliedBatches());
    assertEquals(4, r.appliedSamples());
    assertEquals(List.of(new StreamProgress(vin, STREAM, 2)), r.progress());
    Map<Integer, SignalReading> latest = store.latestSignals(vin);
    assertEquals(new SignalReading(1, T0 + 2000, SignalValue.of(30.0)), latest.get(1));
    assertEquals(new SignalReading(3, T0 + 2000, SignalValue.of(true)), latest.get(3));
    assertEquals(4, store.samplesApplied(vin));
    assertEquals(Optional.of(new StreamProgress(vin, STREAM, 2)), store.streamProgress(vin));
  }

  @Test
  void duplicate_batches_are_skipped_and_still_reported_for_a_new_ack() {
    Vin vin = TestVins.vin(2);
    store.applyTelemetry(List.of(batch(vin, STREAM, 1, speed(T0, 10))));
    TelemetryApplyResult again = store.applyTelemetry(List.of(batch(vin, STREAM, 1, speed(T0, 99))));
    assertEquals(0, again.appliedBatches());
    assertEquals(1, again.duplicateBatches());
    assertEquals(List.of(new StreamProgress(vin, STREAM, 1)), again.progress());
    assertEquals(1, store.samplesApplied(vin));
    assertEquals(SignalValue.of(10.0), store.latestSignals(vin).get(1).value());
  }

  @Test
  void duplicate_within_one_call_is_applied_once() {
    Vin vin = TestVins.vin(3);
    TelemetryApplyResult r =
        store.applyTelemetry(
            List.of(batch(vin, STREAM, 1, speed(T0, 10)), batch(vin, STREAM, 1, speed(T0, 10))));
    assertEquals(1, r.appliedBatches());
    assertEquals(1, r.duplicateBatches());
    assertEquals(1, store.samplesApplied(vin));
  }

  @Test
  void a_batch_after_a_gap_is_skipped_until_the_missing_one_arrives() {
    Vin vin = TestVins.vin(4);
    TelemetryApplyResult r =
        store.applyTelemetry(List.of(batch(vin, STREAM, 1, speed(T0, 10)), batch(vin, STREAM, 3, speed(T0 + 2, 30))));
    assertEquals(1, r.appliedBatches());
    assertEquals(1, r.gapBatches());
    assertEquals(List.of(new StreamProgress(vin, STREAM, 1)), r.progress());
    TelemetryApplyResult resent =
        store.applyTelemetry(List.of(batch(vin, STREAM, 2, speed(T0 + 1, 20)), batch(vin, STREAM, 3, speed(T0 + 2, 30))));
    assertEquals(2, resent.appliedBatches());
    assertEquals(3, store.samplesApplied(vin));
    assertEquals(SignalValue.of(30.0), store.latestSignals(vin).get(1).value());
  }

  @Test
  void an_older_sample_does_not_replace_a_newer_stored_value() {
    Vin vin = TestVins.vin(5);
    store.applyTelemetry(List.of(batch(vin, STREAM, 1, speed(T0 + 5000, 50))));
    store.applyTelemetry(List.of(batch(vin, STREAM, 2, speed(T0, 1))));
    assertEquals(new SignalReading(1, T0 + 5000, SignalValue.of(50.0)), store.latestSignals(vin).get(1));
    assertEquals(2, store.samplesApplied(vin));
  }

  @Test
  void many_vehicles_and_streams_in_one_call_report_one_progress_entry_each() {
    Vin a = TestVins.vin(6);
    Vin b = TestVins.vin(7);
    TelemetryApplyResult r =
        store.applyTelemetry(
            List.of(
                batch(a, STREAM, 1, speed(T0, 1)),
                batch(b, STREAM, 1, speed(T0, 2)),
                batch(a, STREAM, 2, speed(T0 + 1, 3)),
                batch(a, 88L, 1, speed(T0 + 2, 4))));
    assertEquals(
        List.of(
            new StreamProgress(a, STREAM, 2), new StreamProgress(b, STREAM, 1), new StreamProgress(a, 88L, 1)),
        r.progress());
    assertEquals(3, store.samplesApplied(a));
    assertEquals(Optional.of(new StreamProgress(a, 88L, 1)), store.streamProgress(a));
  }

  @Test
  void unknown_vehicle_reads_as_empty() {
    Vin vin = TestVins.vin(8);
    assertTrue(store.latestSignals(vin).isEmpty());
    assertEquals(0, store.samplesApplied(vin));
    assertEquals(Optional.empty(), store.streamProgress(vin));
  }

  @Test
  void a_failing_call_writes_nothing_of_its_batches() {
    Vin vin = TestVins.vin(9);
    List<TelemetryBatch> withNull = new ArrayList<>();
    withNull.add(batch(vin, STREAM, 1, speed(T0, 10)));
    withNull.add(null);
    assertThrows(NullPointerException.class, () -> store.applyTelemetry(withNull));
    assertEquals(0, store.samplesApplied(vin));
    assertEquals(Optional.empty(), store.streamProgress(vin));
    TelemetryApplyResult r = store.applyTelemetry(List.of(batch(vin, STREAM, 1, speed(T0, 10))));
    assertEquals(1, r.appliedBatches());
  }

  @Test
  void applied_telemetry_survives_reopening_the_file() {
    Vin vin = TestVins.vin(10);
    store.applyTelemetry(List.of(batch(vin, STREAM, 1, speed(T0, 10), new Sample(5, T0, SignalValue.of(13.4)))));
    store.close();
    store = TwinStores.sqlite(dir.resolve("twin.db"));
    assertEquals(2, store.samplesApplied(vin));
    assertEquals(Optional.of(new StreamProgress(vin, STREAM, 1)), store.streamProgress(vin));
    assertEquals(1, store.applyTelemetry(List.of(batch(vin, STREAM, 1, speed(T0, 10)))).duplicateBatches());
  }

  @Test
  void text_values_round_trip() {
    Vin vin = TestVins.vin(11);
    store.applyTelemetry(List.of(batch(vin, STREAM, 1, new Sample(40, T0, SignalValue.of("D")))));
    assertEquals(SignalValue.of("D"), store.latestSignals(vin).get(40).value());
  }

  @Test
  void calls_after_close_fail_with_a_store_error() {
    store.close();
    TwinStoreException e = assertThrows(TwinStoreException.class, () -> store.samplesApplied(TestVins.vin(1)));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void trend_signals_get_daily_min_max_mean_and_count_and_others_do_not() {
    Vin vin = TestVins.vin(12);
    long day = 86_400_000L;
    long d0 = Math.floorDiv(T0, day) * day;
    store.applyTelemetry(List.of(
        batch(vin, STREAM, 1, new Sample(7, d0 + 1000, SignalValue.of(99.0)), new Sample(7, d0 + 2000, SignalValue.of(97.0)),
            speed(d0 + 1000, 50)),
        batch(vin, STREAM, 2, new Sample(7, d0 + 3000, SignalValue.of(98.0)), new Sample(7, d0 + day + 5, SignalValue.of(96.0)))));
    java.time.LocalDate first = java.time.LocalDate.ofEpochDay(d0 / day);
    List<DailyRollup> soh = store.dailyRollups(vin, 7, first, first.plusDays(5));
    assertEquals(List.of(new DailyRollup(7, first, 97.0, 99.0, 98.0, 3), new DailyRollup(7, first.plusDays(1), 96.0, 96.0, 96.0, 1)), soh);
    assertTrue(store.dailyRollups(vin, 1, first, first.plusDays(5)).isEmpty(), "speed is not a trend signal");
    assertThrows(IllegalArgumentException.class, () -> store.dailyRollups(vin, 7, first, first.minusDays(1)));
  }
}
