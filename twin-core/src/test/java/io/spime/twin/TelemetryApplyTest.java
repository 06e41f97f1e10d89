package io.spime.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.fleet.DailyRollup;
import io.spime.twin.fleet.SignalReading;
import io.spime.twin.ingest.StreamProgress;
import io.spime.twin.ingest.UplinkApplyResult;
import io.spime.wire.StreamPosition;
import io.spime.wire.AssetId;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelemetryApplyTest extends StoreContract {
  private static final long STREAM = 77L;
  private static final long T0 = 1_700_000_000_000L;

  private TwinStore store;

  @BeforeEach
  void open() {
    store = stores.open();
  }

  @AfterEach
  void close() {
    store.close();
  }

  static TelemetryBatch batch(AssetId vin, long stream, long seq, Sample... samples) {
    return new TelemetryBatch(vin, new StreamPosition(stream, seq, 9L), 1, Arrays.asList(samples));
  }

  static Sample speed(long time, double kmh) {
    return new Sample(1, time, SignalValue.of(kmh));
  }

  @Test
  void applies_batches_in_sequence_and_keeps_the_latest_value_per_signal() {
    AssetId vin = TestVins.numbered(1);
    UplinkApplyResult r =
        Fixtures.applyTelemetry(store, 
            List.of(
                batch(vin, STREAM, 1, speed(T0, 10), speed(T0 + 1000, 20)),
                batch(vin, STREAM, 2, speed(T0 + 2000, 30), new Sample(3, T0 + 2000, SignalValue.of(true)))));
    assertEquals(2, r.appliedMessages());
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
    AssetId vin = TestVins.numbered(2);
    Fixtures.applyTelemetry(store, List.of(batch(vin, STREAM, 1, speed(T0, 10))));
    UplinkApplyResult again = Fixtures.applyTelemetry(store, List.of(batch(vin, STREAM, 1, speed(T0, 99))));
    assertEquals(0, again.appliedMessages());
    assertEquals(1, again.duplicateMessages());
    assertEquals(List.of(new StreamProgress(vin, STREAM, 1)), again.progress());
    assertEquals(1, store.samplesApplied(vin));
    assertEquals(SignalValue.of(10.0), store.latestSignals(vin).get(1).value());
  }

  @Test
  void duplicate_within_one_call_is_applied_once() {
    AssetId vin = TestVins.numbered(3);
    UplinkApplyResult r =
        Fixtures.applyTelemetry(store, 
            List.of(batch(vin, STREAM, 1, speed(T0, 10)), batch(vin, STREAM, 1, speed(T0, 10))));
    assertEquals(1, r.appliedMessages());
    assertEquals(1, r.duplicateMessages());
    assertEquals(1, store.samplesApplied(vin));
  }

  @Test
  void a_batch_after_a_gap_is_skipped_until_the_missing_one_arrives() {
    AssetId vin = TestVins.numbered(4);
    UplinkApplyResult r =
        Fixtures.applyTelemetry(store, List.of(batch(vin, STREAM, 1, speed(T0, 10)), batch(vin, STREAM, 3, speed(T0 + 2, 30))));
    assertEquals(1, r.appliedMessages());
    assertEquals(1, r.gapMessages());
    assertEquals(List.of(new StreamProgress(vin, STREAM, 1)), r.progress());
    UplinkApplyResult resent =
        Fixtures.applyTelemetry(store, List.of(batch(vin, STREAM, 2, speed(T0 + 1, 20)), batch(vin, STREAM, 3, speed(T0 + 2, 30))));
    assertEquals(2, resent.appliedMessages());
    assertEquals(3, store.samplesApplied(vin));
    assertEquals(SignalValue.of(30.0), store.latestSignals(vin).get(1).value());
  }

  @Test
  void an_older_sample_does_not_replace_a_newer_stored_value() {
    AssetId vin = TestVins.numbered(5);
    Fixtures.applyTelemetry(store, List.of(batch(vin, STREAM, 1, speed(T0 + 5000, 50))));
    Fixtures.applyTelemetry(store, List.of(batch(vin, STREAM, 2, speed(T0, 1))));
    assertEquals(new SignalReading(1, T0 + 5000, SignalValue.of(50.0)), store.latestSignals(vin).get(1));
    assertEquals(2, store.samplesApplied(vin));
  }

  @Test
  void many_vehicles_and_streams_in_one_call_report_one_progress_entry_each() {
    AssetId a = TestVins.numbered(6);
    AssetId b = TestVins.numbered(7);
    UplinkApplyResult r =
        Fixtures.applyTelemetry(store, 
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
    AssetId vin = TestVins.numbered(8);
    assertTrue(store.latestSignals(vin).isEmpty());
    assertEquals(0, store.samplesApplied(vin));
    assertEquals(Optional.empty(), store.streamProgress(vin));
  }

  @Test
  void a_failing_call_writes_nothing_of_its_batches() {
    AssetId vin = TestVins.numbered(9);
    List<TelemetryBatch> withNull = new ArrayList<>();
    withNull.add(batch(vin, STREAM, 1, speed(T0, 10)));
    withNull.add(null);
    assertThrows(NullPointerException.class, () -> Fixtures.applyTelemetry(store, withNull));
    assertEquals(0, store.samplesApplied(vin));
    assertEquals(Optional.empty(), store.streamProgress(vin));
    UplinkApplyResult r = Fixtures.applyTelemetry(store, List.of(batch(vin, STREAM, 1, speed(T0, 10))));
    assertEquals(1, r.appliedMessages());
  }

  @Test
  void applied_telemetry_survives_reopening_the_file() {
    AssetId vin = TestVins.numbered(10);
    Fixtures.applyTelemetry(store, List.of(batch(vin, STREAM, 1, speed(T0, 10), new Sample(5, T0, SignalValue.of(13.4)))));
    store.close();
    store = stores.open();
    assertEquals(2, store.samplesApplied(vin));
    assertEquals(Optional.of(new StreamProgress(vin, STREAM, 1)), store.streamProgress(vin));
    assertEquals(1, Fixtures.applyTelemetry(store, List.of(batch(vin, STREAM, 1, speed(T0, 10)))).duplicateMessages());
  }

  @Test
  void text_values_round_trip() {
    AssetId vin = TestVins.numbered(11);
    Fixtures.applyTelemetry(store, List.of(batch(vin, STREAM, 1, new Sample(40, T0, SignalValue.of("D")))));
    assertEquals(SignalValue.of("D"), store.latestSignals(vin).get(40).value());
  }

  @Test
  void text_with_tabs_newlines_and_backslashes_and_extreme_numbers_round_trip() {
    AssetId vin = TestVins.numbered(13);
    String text = "a\tb\nc\\N\\d\r\\\u00e9 \\.";
    Fixtures.applyTelemetry(store, List.of(batch(vin, STREAM, 1, new Sample(40, T0, SignalValue.of(text)),
        new Sample(41, T0, SignalValue.of("\\N")), new Sample(42, T0, SignalValue.of(false)),
        new Sample(43, T0, SignalValue.of(Double.MIN_VALUE)), new Sample(44, T0, SignalValue.of(-1.0e300)),
        new Sample(45, T0, SignalValue.of(0.1 + 0.2)))));
    Map<Integer, SignalReading> latest = store.latestSignals(vin);
    assertEquals(SignalValue.of(text), latest.get(40).value());
    assertEquals(SignalValue.of("\\N"), latest.get(41).value());
    assertEquals(SignalValue.of(false), latest.get(42).value());
    assertEquals(SignalValue.of(Double.MIN_VALUE), latest.get(43).value());
    assertEquals(SignalValue.of(-1.0e300), latest.get(44).value());
    assertEquals(SignalValue.of(0.1 + 0.2), latest.get(45).value());
  }

  @Test
  void daily_rollups_merge_across_calls_and_an_older_value_stays_behind_a_newer_one() {
    AssetId vin = TestVins.numbered(14);
    long day = 86_400_000L;
    long d0 = Math.floorDiv(T0, day) * day;
    Fixtures.applyTelemetry(store, List.of(batch(vin, STREAM, 1, new Sample(7, d0 + 5000, SignalValue.of(90.5)))));
    Fixtures.applyTelemetry(store, List.of(batch(vin, STREAM, 2, new Sample(7, d0 + 1000, SignalValue.of(99.25)),
        new Sample(7, d0 + 2000, SignalValue.of(80.0)))));
    java.time.LocalDate first = java.time.LocalDate.ofEpochDay(d0 / day);
    assertEquals(List.of(new DailyRollup(7, first, 80.0, 99.25, (90.5 + 99.25 + 80.0) / 3, 3)),
        store.dailyRollups(vin, 7, first, first));
    assertEquals(new SignalReading(7, d0 + 5000, SignalValue.of(90.5)), store.latestSignals(vin).get(7));
  }

  @Test
  void calls_after_close_fail_with_a_store_error() {
    store.close();
    TwinStoreException e = assertThrows(TwinStoreException.class, () -> store.samplesApplied(TestVins.numbered(1)));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void trend_signals_get_daily_min_max_mean_and_count_and_others_do_not() {
    AssetId vin = TestVins.numbered(12);
    long day = 86_400_000L;
    long d0 = Math.floorDiv(T0, day) * day;
    Fixtures.applyTelemetry(store, List.of(
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
