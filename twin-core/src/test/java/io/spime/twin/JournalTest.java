package io.spime.twin;

import static io.spime.twin.Fixtures.CAR;
import static io.spime.twin.Fixtures.DEALER;
import static io.spime.twin.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.battery.BatteryCondition;
import io.spime.twin.diagnostics.DtcSeverity;
import io.spime.twin.event.BatteryMeasured;
import io.spime.twin.event.DtcCleared;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.event.PhaseChanged;
import io.spime.twin.exceptions.ConcurrencyConflictException;
import io.spime.twin.exceptions.DuplicateEventException;
import io.spime.twin.exceptions.FutureTimestampException;
import io.spime.twin.exceptions.IllegalTransitionException;
import io.spime.twin.exceptions.OutOfOrderEventException;
import io.spime.twin.exceptions.UnknownValueException;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.AssetId;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JournalTest extends StoreContract {
  static final Instant NOW = T0.plus(Duration.ofDays(400));

  private TwinStore store;
  private final AssetId vin = TestVins.numbered(100);

  @BeforeEach
  void open() {
    store = stores.open(options());
  }

  static TwinStoreOptions options() {
    return TwinStoreOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withSnapshotInterval(4);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void appended_events_fold_into_the_current_twin_with_revisions_and_times() {
    AppendResult r = store.append(vin, 0, Fixtures.deliveredCar(vin));
    assertEquals(4, r.revision());
    assertFalse(r.replayed());
    assertEquals(List.of(1L, 2L, 3L, 4L), r.entries().stream().map(JournalEntry::revision).toList());
    assertEquals(NOW, r.entries().get(0).recordedAt());
    Twin twin = store.twin(vin).orElseThrow();
    assertEquals(4, twin.revision());
    assertEquals(Optional.of(LifecyclePhase.IN_SERVICE), twin.phase());
    assertEquals("Volta", twin.identity().orElseThrow().make());
    assertEquals("B-0001", twin.components().get("traction-battery").serial());
    assertEquals(Optional.of(T0.plusSeconds(180)), twin.updatedAt());
    assertEquals(4, twin.phaseHistory().size());
  }

  @Test
  void a_stale_expected_revision_is_a_conflict_and_writes_nothing() {
    store.append(vin, 0, Fixtures.deliveredCar(vin));
    List<PendingEvent> late = Fixtures.timeline(T0.plusSeconds(600), CAR, new DtcRaised("P0A80", DtcSeverity.WARNING, "cell imbalance"));
    ConcurrencyConflictException e =
        assertThrows(ConcurrencyConflictException.class, () -> store.append(vin, 3, late));
    assertEquals(3, e.expected());
    assertEquals(4, e.actual());
    assertTrue(e.getMessage().contains("expected revision 3"), e.getMessage());
    assertEquals(4, store.twin(vin).orElseThrow().revision());
    assertEquals(4, store.history(vin, 0, 100).size());
    assertEquals(5, store.append(vin, 4, late).revision());
  }

  @Test
  void appending_the_same_event_ids_again_is_idempotent() {
    List<PendingEvent> events = Fixtures.deliveredCar(vin);
    AppendResult first = store.append(vin, 0, events);
    AppendResult again = store.append(vin, 0, events);
    assertTrue(again.replayed());
    assertEquals(first.entries(), again.entries());
    assertEquals(4, again.revision());
    assertEquals(4, store.history(vin, 0, 100).size());
  }

  @Test
  void an_event_id_reused_for_other_content_is_refused() {
    List<PendingEvent> events = Fixtures.deliveredCar(vin);
    store.append(vin, 0, events);
    PendingEvent reused = new PendingEvent(events.get(0).id(), T0.plusSeconds(900), DEALER,
        new DtcRaised("P1", DtcSeverity.INFO, "x"));
    DuplicateEventException e = assertThrows(DuplicateEventException.class, () -> store.append(vin, 4, List.of(reused)));
    assertTrue(e.getMessage().contains("different content"), e.getMessage());
  }

  @Test
  void an_append_mixing_stored_and_new_ids_is_refused() {
    List<PendingEvent> events = Fixtures.deliveredCar(vin);
    store.append(vin, 0, events.subList(0, 2));
    assertThrows(DuplicateEventException.class, () -> store.append(vin, 2, events));
    assertEquals(2, store.twin(vin).orElseThrow().revision());
  }

  @Test
  void an_append_whose_later_event_is_already_stored_is_refused_and_writes_nothing() {
    store.append(vin, 0, Fixtures.deliveredCar(vin));
    PendingEvent raised = PendingEvent.of(T0.plusSeconds(900), CAR, new DtcRaised("P9", DtcSeverity.INFO, "x"));
    store.append(vin, 4, List.of(raised));
    List<PendingEvent> sneaky = List.of(PendingEvent.of(T0.plusSeconds(900), CAR, new DtcCleared("P9")), raised);
    DuplicateEventException e = assertThrows(DuplicateEventException.class, () -> store.append(vin, 5, sneaky));
    assertTrue(e.getMessage().contains("already in the journal"), e.getMessage());
    assertEquals(5, store.twin(vin).orElseThrow().revision());
    assertEquals(5, store.history(vin, 0, 100).size());
    assertEquals(6, store.append(vin, 5, sneaky.subList(0, 1)).revision());
  }

  @Test
  void an_event_beyond_the_clock_tolerance_is_refused_and_one_within_it_accepted() {
    store.append(vin, 0, Fixtures.deliveredCar(vin));
    List<PendingEvent> future = Fixtures.timeline(NOW.plus(Duration.ofMinutes(6)), CAR, new DtcRaised("P1", DtcSeverity.INFO, "x"));
    FutureTimestampException e = assertThrows(FutureTimestampException.class, () -> store.append(vin, 4, future));
    assertTrue(e.getMessage().contains(NOW.plus(Duration.ofMinutes(6)).toString()), e.getMessage());
    assertEquals(4, store.twin(vin).orElseThrow().revision());
    List<PendingEvent> skewed = Fixtures.timeline(NOW.plus(Duration.ofMinutes(4)), CAR, new DtcRaised("P1", DtcSeverity.INFO, "x"));
    assertEquals(5, store.append(vin, 4, skewed).revision());
  }

  @Test
  void an_event_that_happened_before_the_latest_one_is_refused() {
    store.append(vin, 0, Fixtures.deliveredCar(vin));
    List<PendingEvent> earlier = Fixtures.timeline(T0.plusSeconds(30), DEALER, new DtcRaised("P1", DtcSeverity.INFO, "x"));
    OutOfOrderEventException e = assertThrows(OutOfOrderEventException.class, () -> store.append(vin, 4, earlier));
    assertTrue(e.getMessage().contains("before the twin's latest event"), e.getMessage());
    assertEquals(4, store.twin(vin).orElseThrow().revision());
  }

  @Test
  void a_batch_over_many_vehicles_is_all_or_nothing() {
    AssetId other = TestVins.numbered(101);
    List<PendingEvent> illegal = Fixtures.timeline(Fixtures.FACTORY, Fixtures.produced(other),
        new PhaseChanged(LifecyclePhase.IN_SERVICE, "skips transit and stock"));
    assertThrows(IllegalTransitionException.class, () -> store.appendAll(List.of(
        new AppendRequest(vin, 0, Fixtures.deliveredCar(vin)), new AppendRequest(other, 0, illegal))));
    assertEquals(Optional.empty(), store.twin(vin).map(Twin::revision).filter(r -> r > 0));
    assertTrue(store.history(vin, 0, 10).isEmpty());
    List<AppendResult> ok = store.appendAll(List.of(
        new AppendRequest(vin, 0, Fixtures.deliveredCar(vin)), new AppendRequest(other, 0, Fixtures.deliveredCar(other))));
    assertEquals(List.of(4L, 4L), ok.stream().map(AppendResult::revision).toList());
  }

  @Test
  void time_travel_matches_the_twin_as_it_was_at_every_revision() {
    List<Twin> seen = new ArrayList<>();
    store.append(vin, 0, Fixtures.deliveredCar(vin));
    seen.add(store.twin(vin).orElseThrow());
    long revision = 4;
    Instant t = T0.plusSeconds(3600);
    for (int i = 0; i < 10; i++) {
      List<PendingEvent> step = Fixtures.timeline(t, CAR,
          new DtcRaised("P" + i, DtcSeverity.WARNING, "fault " + i),
          new BatteryMeasured(new BatteryCondition(100 - i, 10L * i, 75 - i)),
          new DtcCleared("P" + i));
      revision = store.append(vin, revision, step).revision();
      seen.add(store.twin(vin).orElseThrow());
      t = t.plusSeconds(3600);
    }
    for (Twin expected : seen) {
      assertEquals(Optional.of(expected), store.atRevision(vin, expected.revision()));
      assertEquals(Optional.of(expected), store.asOf(vin, expected.updatedAt().orElseThrow()));
      assertEquals(Optional.of(expected), store.asOf(vin, expected.updatedAt().orElseThrow().plusSeconds(1)));
    }
    assertEquals(Optional.empty(), store.asOf(vin, T0.minusSeconds(1)));
    assertEquals(Optional.empty(), store.atRevision(vin, revision + 1));
    Twin third = store.atRevision(vin, 3).orElseThrow();
    assertEquals(Optional.of(LifecyclePhase.IN_STOCK), third.phase());
  }

  @Test
  void the_twin_and_its_snapshots_survive_reopening() {
    store.append(vin, 0, Fixtures.deliveredCar(vin));
    Twin before = store.twin(vin).orElseThrow();
    Twin second = store.atRevision(vin, 2).orElseThrow();
    store.close();
    store = stores.open(options());
    assertEquals(Optional.of(before), store.twin(vin));
    assertEquals(Optional.of(second), store.atRevision(vin, 2));
    assertEquals(5, store.append(vin, 4, Fixtures.timeline(T0.plusSeconds(3600), CAR,
        new DtcRaised("P1", DtcSeverity.INFO, "x"))).revision());
  }

  @Test
  void a_car_known_only_from_telemetry_has_revision_zero_until_its_production_record() {
    Fixtures.applyTelemetry(store, List.of(TelemetryApplyTest.batch(vin, 5, 1, TelemetryApplyTest.speed(1_000, 3))));
    Twin known = store.twin(vin).orElseThrow();
    assertEquals(0, known.revision());
    assertEquals(Optional.empty(), known.phase());
    assertEquals(4, store.append(vin, 0, Fixtures.deliveredCar(vin)).revision());
    assertEquals(1, store.samplesApplied(vin));
  }

  @Test
  void an_unknown_vehicle_has_no_twin() {
    assertEquals(Optional.empty(), store.twin(vin));
    assertEquals(Optional.empty(), store.asOf(vin, NOW));
    assertTrue(store.history(vin, 0, 10).isEmpty());
  }

  @Test
  void an_event_type_written_by_a_newer_producer_is_named_when_read() throws Exception {
    store.append(vin, 0, Fixtures.deliveredCar(vin));
    try (Connection c = stores.connect();
        Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE journal SET body = '{\"type\":\"TeleportedToMars\"}' WHERE revision = 2");
      st.executeUpdate("UPDATE journal SET body = replace(body, 'IN_STOCK', 'IN_ORBIT') WHERE revision = 3");
    }
    UnknownValueException type = assertThrows(UnknownValueException.class, () -> store.history(vin, 1, 1));
    assertTrue(type.getMessage().contains("TeleportedToMars"), type.getMessage());
    UnknownValueException value = assertThrows(UnknownValueException.class, () -> store.history(vin, 2, 1));
    assertTrue(value.getMessage().contains("IN_ORBIT"), value.getMessage());
    assertTrue(value.getMessage().contains("LifecyclePhase"), value.getMessage());
  }

  @Test
  void the_current_twin_is_right_whether_its_stored_head_lags_or_not() {
    long r = store.append(vin, 0, Fixtures.deliveredCar(vin)).revision();
    Instant t = T0.plusSeconds(3600);
    List<Twin> seen = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      r = store.append(vin, r, Fixtures.timeline(t.plusSeconds(60L * i), CAR,
          i % 2 == 0 ? new DtcRaised("P" + i, DtcSeverity.INFO, "x") : new DtcCleared("P" + (i - 1)))).revision();
      seen.add(store.twin(vin).orElseThrow());
    }
    Twin last = seen.get(seen.size() - 1);
    assertEquals(154, last.revision());
    assertEquals(75, last.closedDtcCount());
    store.close();
    store = stores.open(options());
    assertEquals(Optional.of(last), store.twin(vin));
    for (Twin expected : seen.subList(seen.size() - 70, seen.size())) {
      assertEquals(Optional.of(expected), store.atRevision(vin, expected.revision()));
    }
    assertEquals(155, store.append(vin, 154, Fixtures.timeline(t.plusSeconds(60L * 200), CAR,
        new DtcRaised("P-last", DtcSeverity.INFO, "x"))).revision());
  }
}
