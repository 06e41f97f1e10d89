package io.spime.twin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.diagnostics.DtcSeverity;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.event.ReportedStateChanged;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.fleet.CarEvent;
import io.spime.twin.ingest.QuarantinedMessage;
import io.spime.twin.ingest.RefusedEvents;
import io.spime.twin.ingest.StreamProgress;
import io.spime.twin.ingest.UplinkApplyResult;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.twin.state.StateDocument;
import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import io.spime.wire.StreamPosition;
import io.spime.wire.AssetId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UplinkApplyTest extends StoreContract {
  private static final long STREAM = 41L;
  private static final Instant T = Fixtures.T0.plusSeconds(86_400);

  private TwinStore store;

  @BeforeEach
  void open() {
    store = stores.open();
  }

  @AfterEach
  void close() {
    store.close();
  }

  static UplinkMessage telemetry(AssetId vin, long seq, long timeMs) {
    return new UplinkMessage.Telemetry(TelemetryApplyTest.batch(vin, STREAM, seq, TelemetryApplyTest.speed(timeMs, 42)));
  }

  static CarEvent carEvent(String id, Instant at, String kind) {
    return new CarEvent(id, at, DataCategory.VEHICLE_HEALTH, Priority.HIGH, kind, Map.of("code", "P0A80"));
  }

  static EventId twinId(AssetId vin, String carEventId) {
    return new EventId(UUID.nameUUIDFromBytes((vin + "/" + carEventId).getBytes(StandardCharsets.UTF_8)));
  }

  static PendingEvent twinEvent(AssetId vin, String carEventId, Instant at, TwinEvent event) {
    return new PendingEvent(twinId(vin, carEventId), at, Fixtures.CAR, event);
  }

  static UplinkMessage dtc(AssetId vin, long seq, String eventId, Instant at) {
    return new UplinkMessage.Events(vin, new StreamPosition(STREAM, seq, 9), List.of(carEvent(eventId, at, "dtc")),
        List.of(twinEvent(vin, eventId, at, new DtcRaised("P0A80", DtcSeverity.WARNING, "imbalance"))));
  }

  static UplinkMessage reported(AssetId vin, long seq, Instant at) {
    return new UplinkMessage.Events(vin, new StreamPosition(STREAM, seq, 9), List.of(),
        List.of(twinEvent(vin, "reported/" + seq, at, new ReportedStateChanged(
            new StateDocument(at.toEpochMilli(), Map.of("climate.target", "21"))))));
  }

  private void deliver(AssetId vin) {
    store.append(vin, 0, Fixtures.deliveredCar(vin));
  }

  @Test
  void events_and_reports_hold_their_place_in_the_sequence_between_telemetry() {
    AssetId vin = TestVins.numbered(801);
    deliver(vin);
    UplinkApplyResult r = store.applyUplink(List.of(
        telemetry(vin, 1, T.toEpochMilli()),
        dtc(vin, 2, "ev-1", T.plusSeconds(1)),
        reported(vin, 3, T.plusSeconds(2)),
        telemetry(vin, 4, T.plusSeconds(3).toEpochMilli())));
    assertEquals(List.of(new StreamProgress(vin, STREAM, 4)), r.progress());
    assertEquals(4, r.appliedMessages());
    assertEquals(2, r.appliedSamples());
    assertEquals(1, r.carEventsStored());
    assertEquals(2, r.twinEventsAppended());
    assertEquals(0, r.twinEventsRefused());
    assertEquals(Optional.of(new StreamProgress(vin, STREAM, 4)), store.streamProgress(vin));
    Twin twin = store.twin(vin).orElseThrow();
    assertEquals(6, twin.revision());
    assertTrue(twin.openDtcs().containsKey("P0A80"));
    assertEquals(Map.of("climate.target", "21"), twin.reported().values());
    assertEquals(List.of(carEvent("ev-1", T.plusSeconds(1), "dtc")), store.carEvents(vin, T, 10));
    assertEquals(2, store.samplesApplied(vin));
  }

  @Test
  void twin_events_of_a_car_without_production_record_are_refused_but_the_stream_advances() {
    AssetId vin = TestVins.numbered(802);
    UplinkApplyResult r = store.applyUplink(List.of(telemetry(vin, 1, T.toEpochMilli()), dtc(vin, 2, "ev-1", T)));
    assertEquals(2, r.appliedMessages());
    assertEquals(1, r.carEventsStored());
    assertEquals(0, r.twinEventsAppended());
    assertEquals(1, r.twinEventsRefused());
    assertEquals(2, store.streamProgress(vin).orElseThrow().durableSeq());
    assertEquals(1, store.carEvents(vin, Instant.EPOCH, 10).size());
    assertEquals(0, store.twin(vin).orElseThrow().revision());
    List<RefusedEvents> refused = store.refusedTwinEvents(vin, 10);
    assertEquals(1, refused.size());
    assertEquals(List.of(twinId(vin, "ev-1")), refused.get(0).eventIds());
    assertTrue(refused.get(0).reason().startsWith("IllegalTransitionException: "), refused.get(0).reason());
    assertTrue(refused.get(0).reason().contains("VehicleProduced"), refused.get(0).reason());
  }

  @Test
  void a_refusal_keeps_other_vehicles_messages_of_the_call_and_a_replay_of_the_call_changes_nothing() {
    AssetId known = TestVins.numbered(803);
    AssetId unknown = TestVins.numbered(804);
    deliver(known);
    List<UplinkMessage> call = List.of(
        dtc(known, 1, "a-1", T),
        dtc(unknown, 1, "b-1", T),
        reported(known, 2, T.plusSeconds(5)),
        dtc(known, 3, "a-2", T.plusSeconds(6)));
    UplinkApplyResult first = store.applyUplink(call);
    assertEquals(4, first.appliedMessages());
    assertEquals(3, first.carEventsStored());
    assertEquals(2, first.twinEventsAppended(), "DtcRaised a-1 and the report");
    assertEquals(2, first.twinEventsRefused(), "the unknown car's DTC and a DTC already open");
    assertEquals(2, store.carEvents(known, T, 10).size());
    assertEquals(1, store.carEvents(unknown, T, 10).size());
    long revision = store.twin(known).orElseThrow().revision();
    assertEquals(6, revision);
    assertEquals(1, store.refusedTwinEvents(known, 10).size());
    assertTrue(store.refusedTwinEvents(known, 10).get(0).reason().contains("open already"));
    UplinkApplyResult again = store.applyUplink(call);
    assertEquals(4, again.duplicateMessages());
    assertEquals(0, again.appliedMessages() + again.carEventsStored() + again.twinEventsAppended()
        + again.twinEventsRefused());
    assertEquals(first.progress(), again.progress());
    assertEquals(revision, store.twin(known).orElseThrow().revision());
    assertEquals(1, store.refusedTwinEvents(known, 10).size());
  }

  @Test
  void re_sent_car_events_and_twin_events_under_a_new_seq_are_stored_once() {
    AssetId vin = TestVins.numbered(805);
    deliver(vin);
    store.applyUplink(List.of(dtc(vin, 1, "ev-1", T)));
    UplinkApplyResult r = store.applyUplink(List.of(dtc(vin, 2, "ev-1", T)));
    assertEquals(1, r.appliedMessages());
    assertEquals(0, r.carEventsStored());
    assertEquals(0, r.twinEventsAppended());
    assertEquals(0, r.twinEventsRefused(), "the same event ids are an idempotent replay");
    assertEquals(5, store.twin(vin).orElseThrow().revision());
  }

  @Test
  void a_gap_is_skipped_for_every_kind_of_message() {
    AssetId vin = TestVins.numbered(806);
    deliver(vin);
    UplinkApplyResult r = store.applyUplink(List.of(dtc(vin, 2, "ev-1", T), quarantined(vin, 3)));
    assertEquals(2, r.gapMessages());
    assertEquals(0, r.appliedMessages());
    assertEquals(List.of(new StreamProgress(vin, STREAM, 0)), r.progress());
    assertEquals(List.of(), store.carEvents(vin, Instant.EPOCH, 10));
    assertEquals(List.of(), store.quarantined(vin, 10));
  }

  static UplinkMessage.Quarantined quarantined(AssetId vin, long seq) {
    return new UplinkMessage.Quarantined(vin, new StreamPosition(STREAM, seq, 9), "spime/v1/" + vin + "/events",
        "payload is not an EventBatch", new byte[] {1, 2, 3});
  }

  @Test
  void a_quarantined_message_advances_the_stream_and_is_kept_raw() {
    AssetId vin = TestVins.numbered(807);
    byte[] payload = {1, 2, 3};
    UplinkApplyResult r = store.applyUplink(List.of(telemetry(vin, 1, T.toEpochMilli()), quarantined(vin, 2),
        telemetry(vin, 3, T.plusSeconds(1).toEpochMilli())));
    assertEquals(3, r.appliedMessages());
    assertEquals(1, r.quarantined());
    assertEquals(3, store.streamProgress(vin).orElseThrow().durableSeq());
    List<QuarantinedMessage> kept = store.quarantined(vin, 10);
    assertEquals(1, kept.size());
    QuarantinedMessage q = kept.get(0);
    assertEquals(new StreamPosition(STREAM, 2, 9), q.position());
    assertEquals("spime/v1/" + vin + "/events", q.topic());
    assertEquals("payload is not an EventBatch", q.reason());
    assertArrayEquals(payload, q.payload());
    assertEquals(q, new QuarantinedMessage(q.position(), q.topic(), q.reason(), payload.clone(), q.receivedAt()));
    q.payload()[0] = 9;
    assertArrayEquals(payload, q.payload(), "the payload is a copy");
  }

  @Test
  void quarantined_messages_are_equal_by_content() {
    AssetId vin = TestVins.numbered(808);
    assertEquals(quarantined(vin, 1), quarantined(vin, 1));
    assertEquals(quarantined(vin, 1).hashCode(), quarantined(vin, 1).hashCode());
    assertThrows(IllegalArgumentException.class, () -> carEvent("x".repeat(129), T, "dtc"));
    assertThrows(IllegalArgumentException.class, () -> carEvent("", T, "dtc"));
  }

  @Test
  void an_events_message_with_nothing_left_to_keep_still_takes_its_place() {
    AssetId vin = TestVins.numbered(812);
    UplinkApplyResult r = store.applyUplink(List.of(telemetry(vin, 1, T.toEpochMilli()),
        new UplinkMessage.Events(vin, new StreamPosition(STREAM, 2, 9), List.of(), List.of()),
        telemetry(vin, 3, T.plusSeconds(1).toEpochMilli())));
    assertEquals(3, r.appliedMessages());
    assertEquals(0, r.carEventsStored() + r.twinEventsAppended() + r.twinEventsRefused());
    assertEquals(3, store.streamProgress(vin).orElseThrow().durableSeq());
    assertEquals(Optional.of(T.plusSeconds(1)), Optional.of(Instant.ofEpochMilli(
        store.latestSignals(vin).get(1).timeMillis())));
  }

  @Test
  void car_events_are_counted_once_each_when_a_group_repeats_ids_and_messages() {
    AssetId vin = TestVins.numbered(812);
    UplinkMessage twice = new UplinkMessage.Events(vin, new StreamPosition(STREAM, 1, 9),
        List.of(carEvent("a", T, "dtc"), carEvent("b", T.plusSeconds(1), "dtc"), carEvent("a", T, "dtc")), List.of());
    UplinkApplyResult first = store.applyUplink(List.of(twice, twice,
        new UplinkMessage.Events(vin, new StreamPosition(STREAM, 2, 9),
            List.of(carEvent("b", T.plusSeconds(1), "dtc"), carEvent("c", T.plusSeconds(2), "dtc")), List.of())));
    assertEquals(3, first.carEventsStored(), "a, b, then c: the repeated id, message and resent b are not new");
    assertEquals(2, first.appliedMessages());
    assertEquals(1, first.duplicateMessages());
    UplinkApplyResult later = store.applyUplink(List.of(new UplinkMessage.Events(vin, new StreamPosition(STREAM, 3, 9),
        List.of(carEvent("c", T.plusSeconds(2), "dtc"), carEvent("d", T.plusSeconds(3), "dtc")), List.of())));
    assertEquals(1, later.carEventsStored());
    assertEquals(List.of("a", "b", "c", "d"), store.carEvents(vin, T, 10).stream().map(CarEvent::eventId).toList());
  }

  @Test
  void car_events_are_read_in_time_order_from_an_instant() {
    AssetId vin = TestVins.numbered(809);
    List<CarEvent> events = new ArrayList<>();
    for (int i = 5; i >= 1; i--) {
      events.add(carEvent("ev-" + i, T.plusSeconds(i), "ignition"));
    }
    store.applyUplink(List.of(new UplinkMessage.Events(vin, new StreamPosition(STREAM, 1, 9), events, List.of())));
    List<CarEvent> read = store.carEvents(vin, T.plusSeconds(2), 2);
    assertEquals(List.of("ev-2", "ev-3"), read.stream().map(CarEvent::eventId).toList());
    assertEquals(List.of(), store.carEvents(TestVins.numbered(810), T, 5));
    assertThrows(IllegalArgumentException.class, () -> store.carEvents(vin, T, 0));
  }

  @Test
  void telemetry_continues_the_stream_that_an_event_message_started() {
    AssetId vin = TestVins.numbered(811);
    store.applyUplink(List.of(dtc(vin, 1, "ev-1", T)));
    UplinkApplyResult r = Fixtures.applyTelemetry(store, List.of(
        TelemetryApplyTest.batch(vin, STREAM, 1, TelemetryApplyTest.speed(1, 1)),
        TelemetryApplyTest.batch(vin, STREAM, 2, TelemetryApplyTest.speed(2, 2)),
        TelemetryApplyTest.batch(vin, STREAM, 4, TelemetryApplyTest.speed(4, 4))));
    assertEquals(new UplinkApplyResult(List.of(new StreamProgress(vin, STREAM, 2)), 1, 1, 1, 1, 0, 0, 0, 0), r);
  }
  @Test
  void a_car_event_older_than_the_twins_latest_enters_at_that_time_and_a_resend_is_the_same_event() {
    AssetId vin = TestVins.numbered(808);
    deliver(vin);
    store.applyUplink(List.of(reported(vin, 1, T.plusSeconds(10))));
    UplinkApplyResult late = store.applyUplink(List.of(dtc(vin, 2, "tunnel", T.plusSeconds(4))));
    assertEquals(1, late.twinEventsAppended());
    assertEquals(0, late.twinEventsRefused(), "a late event is placed, not refused");
    Twin twin = store.twin(vin).orElseThrow();
    assertTrue(twin.openDtcs().containsKey("P0A80"));
    JournalEntry entry = store.history(vin, twin.revision() - 1, 1).get(0);
    assertEquals(T.plusSeconds(10), entry.occurredAt(), "at the twin's latest event");
    assertEquals(List.of(carEvent("tunnel", T.plusSeconds(4), "dtc")),
        store.carEvents(vin, Instant.EPOCH, 10), "the car's own time is kept");

    store.applyUplink(List.of(reported(vin, 3, T.plusSeconds(20))));
    UplinkApplyResult resent = store.applyUplink(List.of(dtc(vin, 4, "tunnel", T.plusSeconds(4))));
    assertEquals(0, resent.twinEventsAppended());
    assertEquals(0, resent.twinEventsRefused(), "recognised as the event already stored");
    assertEquals(twin.revision() + 1, store.twin(vin).orElseThrow().revision());
  }
}
