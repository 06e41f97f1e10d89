package io.spime.twin;

import static io.spime.twin.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.battery.BatteryCondition;
import io.spime.twin.custody.CustodyEpoch;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Term;
import io.spime.twin.customer.TouchpointKind;
import io.spime.twin.diagnostics.DtcSeverity;
import io.spime.twin.diagnostics.UpdateOutcome;
import io.spime.twin.event.BatteryMeasured;
import io.spime.twin.event.ConsentGranted;
import io.spime.twin.event.ConsentRevoked;
import io.spime.twin.event.CustodyEnded;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.DesiredStateChanged;
import io.spime.twin.event.DtcCleared;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.event.ReportedStateChanged;
import io.spime.twin.event.ServiceVisited;
import io.spime.twin.event.SoftwareUpdated;
import io.spime.twin.event.SubscriptionEnded;
import io.spime.twin.event.SubscriptionRenewed;
import io.spime.twin.event.SubscriptionStarted;
import io.spime.twin.event.TouchpointRecorded;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.exceptions.InvalidEventException;
import io.spime.twin.exceptions.StaleStateVersionException;
import io.spime.twin.identity.ComponentInstance;
import io.spime.twin.identity.ComponentReplacement;
import io.spime.twin.state.StateDocument;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwinRulesTest extends StoreContract {
  private TwinStore store;
  private final AssetId vin = TestVins.numbered(300);
  private long revision;
  private Instant next = T0.plusSeconds(3600);

  @BeforeEach
  void open() {
    store = stores.open();
    revision = store.append(vin, 0, Fixtures.deliveredCar(vin)).revision();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Twin append(TwinEvent... events) {
    revision = store.append(vin, revision, Fixtures.timeline(next, Fixtures.DEALER, events)).revision();
    next = next.plusSeconds(3600);
    return store.twin(vin).orElseThrow();
  }

  private <T extends Throwable> T refused(Class<T> type, TwinEvent event) {
    T e = assertThrows(type, () -> append(event));
    assertEquals(revision, store.twin(vin).orElseThrow().revision());
    return e;
  }

  @Test
  void trouble_codes_open_and_close_and_clearing_a_closed_one_is_refused() {
    Twin t = append(new DtcRaised("P0A80", DtcSeverity.CRITICAL, "replace battery pack"));
    assertEquals(DtcSeverity.CRITICAL, t.openDtcs().get("P0A80").severity());
    refused(InvalidEventException.class, new DtcRaised("P0A80", DtcSeverity.CRITICAL, "again"));
    t = append(new DtcCleared("P0A80"));
    assertTrue(t.openDtcs().isEmpty());
    assertEquals(1, t.closedDtcCount());
    assertTrue(t.recentlyClosedDtcs().get(0).clearedAt().isPresent());
    InvalidEventException e = refused(InvalidEventException.class, new DtcCleared("P0A80"));
    assertTrue(e.getMessage().contains("not open"), e.getMessage());
  }

  @Test
  void a_replacement_records_which_serial_replaced_which() {
    ComponentInstance fresh = Fixtures.battery("B-0002");
    Twin t = append(new ServiceVisited("Workshop 7", 42_000, List.of("battery swap"),
        List.of(new ComponentReplacement("traction-battery", "B-0001", fresh, "capacity fade"))));
    assertEquals(fresh, t.components().get("traction-battery"));
    assertEquals("B-0001", t.genealogy().get(0).removed().serial());
    assertEquals("B-0002", t.genealogy().get(0).installed().serial());
    assertEquals(1, t.serviceHistory().size());
    InvalidEventException e = refused(InvalidEventException.class, new ServiceVisited("W", 43_000, List.of(),
        List.of(new ComponentReplacement("traction-battery", "B-0001", Fixtures.battery("B-0003"), "again"))));
    assertTrue(e.getMessage().contains("B-0002 is fitted"), e.getMessage());
  }

  @Test
  void reported_and_desired_state_have_versions_and_a_delta() {
    append(new DesiredStateChanged(new StateDocument(1, Map.of("policy", "v2", "profile", "p-9"))));
    Twin t = append(new ReportedStateChanged(new StateDocument(1, Map.of("policy", "v1", "profile", "p-9"))));
    assertEquals(Map.of("policy", "v2"), t.stateDelta());
    StaleStateVersionException e = refused(StaleStateVersionException.class,
        new ReportedStateChanged(new StateDocument(1, Map.of("policy", "v2"))));
    assertTrue(e.getMessage().contains("not newer than version 1"), e.getMessage());
    t = append(new ReportedStateChanged(new StateDocument(2, Map.of("policy", "v2", "profile", "p-9"))));
    assertTrue(t.stateDelta().isEmpty());
  }

  @Test
  void custody_epochs_follow_owners_and_lessees() {
    Term lease = new Term(LocalDate.of(2024, 4, 1), LocalDate.of(2027, 3, 31), Optional.of(LocalDate.of(2027, 1, 1)));
    append(Fixtures.owner("bank-1"));
    Twin t = append(new CustodyStarted(CustodyRole.LESSEE, PartyId.of("cust-1"), Optional.of(lease)));
    assertEquals(2, t.custody().size());
    assertEquals(PartyId.of("cust-1"), t.currentEpoch().orElseThrow().holders().get(CustodyRole.LESSEE).party());
    assertTrue(t.custody().get(0).until().isPresent());
    t = append(new CustodyEnded(CustodyRole.LESSEE, "returned"), new CustodyStarted(CustodyRole.LESSEE,
        PartyId.of("cust-2"), Optional.of(lease)));
    assertEquals(4, t.custody().size());
    assertFalse(t.currentEpoch().orElseThrow().heldBy(PartyId.of("cust-1")));
    assertTrue(t.currentEpoch().orElseThrow().heldBy(PartyId.of("bank-1")));
    assertEquals(List.of(1, 2, 3, 4), t.custody().stream().map(CustodyEpoch::number).toList());
    refused(InvalidEventException.class, new CustodyEnded(CustodyRole.KEEPER, "nobody"));
  }

  @Test
  void subscriptions_start_renew_and_end() {
    Term year = Term.of(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31));
    append(new SubscriptionStarted("sub-1", "connected-services", PartyId.of("cust-1"), year));
    Twin t = append(new SubscriptionRenewed("sub-1", Term.of(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31))));
    assertEquals(LocalDate.of(2026, 3, 31), t.subscriptions().get("sub-1").term().end());
    t = append(new SubscriptionEnded("sub-1"));
    assertFalse(t.subscriptions().get("sub-1").active());
    refused(InvalidEventException.class, new SubscriptionRenewed("sub-1", year));
    refused(InvalidEventException.class, new SubscriptionStarted("sub-1", "again", PartyId.of("c"), year));
  }

  @Test
  void consent_is_granted_and_revoked_per_party_and_category() {
    PartyId app = PartyId.of("insurer-1");
    Twin t = append(new ConsentGranted(app, DataCategory.DRIVING_BEHAVIOUR), new ConsentGranted(app, DataCategory.LOCATION));
    assertTrue(t.hasConsent(app, DataCategory.DRIVING_BEHAVIOUR));
    t = append(new ConsentRevoked(app, DataCategory.DRIVING_BEHAVIOUR));
    assertFalse(t.hasConsent(app, DataCategory.DRIVING_BEHAVIOUR));
    assertTrue(t.hasConsent(app, DataCategory.LOCATION));
    assertFalse(t.hasConsent(PartyId.of("other"), DataCategory.LOCATION));
  }

  @Test
  void software_battery_and_touchpoints_are_kept() {
    Twin t = append(
        new SoftwareUpdated("bms", "5.0", UpdateOutcome.FAILED, Optional.of("C-1")),
        new SoftwareUpdated("bms", "5.1", UpdateOutcome.SUCCEEDED, Optional.of("C-1")),
        new BatteryMeasured(new BatteryCondition(97.5, 120, 74.1)),
        new TouchpointRecorded(TouchpointKind.SERVICE_BOOKING, Optional.of(PartyId.of("cust-1")), "booked", Optional.of("brake noise")));
    assertEquals("5.1", t.software().get("bms").version());
    assertEquals(2, t.softwareUpdateCount());
    assertEquals(97.5, t.battery().orElseThrow().condition().stateOfHealthPercent());
    assertEquals(1, t.touchpointCount());
  }

  @Test
  void a_production_record_for_another_vin_is_refused() {
    AssetId other = TestVins.numbered(301);
    InvalidEventException e = assertThrows(InvalidEventException.class,
        () -> store.append(other, 0, Fixtures.timeline(Fixtures.FACTORY, Fixtures.produced(vin))));
    assertTrue(e.getMessage().contains(other.value()), e.getMessage());
  }

  @Test
  void bad_values_are_refused_by_name_when_built() {
    IllegalArgumentException soh = assertThrows(IllegalArgumentException.class, () -> new BatteryCondition(-1, 0, 1));
    assertTrue(soh.getMessage().contains("stateOfHealthPercent"));
    assertThrows(IllegalArgumentException.class, () -> PartyId.of("has space"));
    assertThrows(IllegalArgumentException.class, () -> Term.of(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 1)));
    assertThrows(IllegalArgumentException.class,
        () -> new CustodyStarted(CustodyRole.LESSEE, PartyId.of("c"), Optional.empty()));
  }
}
