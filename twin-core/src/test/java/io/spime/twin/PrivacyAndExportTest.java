package io.spime.twin;

import static io.spime.twin.Fixtures.DEALER;
import static io.spime.twin.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spime.testkit.TestVins;
import io.spime.twin.battery.BatteryCondition;
import io.spime.twin.battery.BatteryFate;
import io.spime.twin.battery.RecoveredMaterial;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Viewer;
import io.spime.twin.customer.CustomerProfile;
import io.spime.twin.customer.CustomerRecord;
import io.spime.twin.customer.ErasureReport;
import io.spime.twin.customer.Interaction;
import io.spime.twin.customer.TouchpointKind;
import io.spime.twin.event.BatteryMeasured;
import io.spime.twin.event.ConsentGranted;
import io.spime.twin.event.CustodyEnded;
import io.spime.twin.event.Deregistered;
import io.spime.twin.event.Dismantled;
import io.spime.twin.event.PhaseChanged;
import io.spime.twin.event.ServiceVisited;
import io.spime.twin.event.TouchpointRecorded;
import io.spime.twin.exceptions.CustomerConflictException;
import io.spime.twin.exceptions.UnknownCustomerException;
import io.spime.twin.exceptions.UnknownVehicleException;
import io.spime.twin.fleet.CarEvent;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.fleet.VehicleSummary;
import io.spime.twin.identity.ComponentReplacement;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One car with two owners: alice (epoch 1), then bob (epoch 2), then end of life. */
class PrivacyAndExportTest extends StoreContract {
  static final PartyId ALICE = PartyId.of("cust-alice");
  static final PartyId BOB = PartyId.of("cust-bob");
  static final Instant ALICE_TIME = T0.plus(Duration.ofDays(10));
  static final Instant BOB_TIME = T0.plus(Duration.ofDays(400));

  private TwinStore store;
  private final AssetId vin = TestVins.numbered(500);
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void life() {
    store = stores.open(TwinStoreOptions.defaults()
        .withClock(java.time.Clock.fixed(T0.plus(Duration.ofDays(365 * 20)), java.time.ZoneOffset.UTC)));
    long r = store.append(vin, 0, Fixtures.deliveredCar(vin)).revision();
    r = store.append(vin, r, Fixtures.timeline(ALICE_TIME, DEALER,
        Fixtures.owner(ALICE.value()),
        new ConsentGranted(ALICE, DataCategory.LOCATION),
        new TouchpointRecorded(TouchpointKind.SUPPORT, Optional.of(ALICE), "resolved", Optional.of("alice lives at the harbour")),
        new BatteryMeasured(new BatteryCondition(98, 50, 76)))).revision();
    Fixtures.applyTelemetry(store, List.of(TelemetryApplyTest.batch(vin, 1, 1,
        new Sample(4, ALICE_TIME.plusSeconds(3600).toEpochMilli(), SignalValue.of(53.55)),
        new Sample(2, ALICE_TIME.plusSeconds(3600).toEpochMilli(), SignalValue.of(12_000.0)))));
    r = store.append(vin, r, Fixtures.timeline(BOB_TIME, DEALER,
        Fixtures.owner(BOB.value()),
        new TouchpointRecorded(TouchpointKind.DEALER_VISIT, Optional.of(BOB), "bought", Optional.of("bob pays cash")),
        new ServiceVisited("Workshop 7", 30_000, List.of("battery swap"), List.of(new ComponentReplacement(
            "traction-battery", "B-0001", Fixtures.battery("B-0002"), "capacity fade"))),
        new BatteryMeasured(new BatteryCondition(100, 0, 80)))).revision();
    Fixtures.applyTelemetry(store, List.of(TelemetryApplyTest.batch(vin, 1, 2,
        new Sample(5, BOB_TIME.plusSeconds(3600).toEpochMilli(), SignalValue.of(9.99)))));
    store.putCustomer(ALICE, 0, new CustomerProfile("Alice", Map.of("seat.position", "4"), java.util.Set.of(DataCategory.LOCATION)));
    store.recordInteraction(ALICE, new Interaction(ALICE_TIME, "app", Optional.of(vin), "asked about range"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  JsonNode export(Viewer viewer) throws Exception {
    return json.readTree(store.export(vin, viewer));
  }

  @Test
  void the_record_holds_the_whole_life_and_the_battery_passport() throws Exception {
    long r = store.twin(vin).orElseThrow().revision();
    store.append(vin, r, Fixtures.timeline(BOB_TIME.plus(Duration.ofDays(3000)), DEALER,
        new CustodyEnded(CustodyRole.OWNER, "scrapped"), new PhaseChanged(LifecyclePhase.OFF_ROAD, "worn out"),
        new Deregistered("KBA", "end of life"),
        new Dismantled("ATF-1", List.of(new RecoveredMaterial("steel", 800)), Optional.of(BatteryFate.SECOND_LIFE))));
    JsonNode doc = export(Viewer.technical());
    assertEquals("spime-record/1", doc.get("format").asText());
    assertEquals(vin.value(), doc.get("vin").asText());
    assertEquals("ZWI", doc.at("/production/plant").asText());
    assertEquals(9800.0, doc.at("/batteryPassport/embodiedCarbonKgCo2e").asDouble());
    assertEquals(0.12, doc.at("/batteryPassport/circularity/recycledContentShare/lithium").asDouble());
    assertEquals("SECOND_LIFE", doc.at("/batteryPassport/circularity/batteryFate").asText());
    assertEquals("B-0002", doc.at("/batteryPassport/battery/serial").asText());
    assertEquals(100.0, doc.at("/batteryPassport/productCondition/stateOfHealthPercent").asDouble());
    assertEquals(2, doc.at("/battery/readings").size());
    assertEquals("DISMANTLED", doc.at("/lifecycle/phase").asText());
    assertEquals("ATF-1", doc.at("/endOfLife/dismantler").asText());
    assertEquals("B-0001", doc.at("/partGenealogy/0/removed/serial").asText());
    assertEquals(1, doc.at("/service").size());
    assertEquals(2, doc.at("/custody").size());
    assertEquals(2, doc.at("/touchpoints").size());
  }

  @Test
  void a_technical_viewer_gets_no_personal_data() throws Exception {
    String text = store.export(vin, Viewer.technical());
    for (String personal : List.of("cust-alice", "cust-bob", "harbour", "cash", "53.55", "9.99")) {
      assertFalse(text.contains(personal), personal + " leaked: " + text);
    }
    JsonNode doc = json.readTree(text);
    assertTrue(text.contains("12000"), "odometer is technical");
    assertTrue(doc.get("withheld").size() > 0);
    assertEquals("SUPPORT", doc.at("/touchpoints/0/kind").asText());
  }

  @Test
  void a_new_owner_never_sees_the_previous_owners_personal_data() throws Exception {
    String text = store.export(vin, Viewer.party(BOB));
    for (String alices : List.of("cust-alice", "harbour", "53.55")) {
      assertFalse(text.contains(alices), alices + " leaked to bob: " + text);
    }
    assertTrue(text.contains("bob pays cash"));
    assertTrue(text.contains("9.99"), "bob's own location");
    JsonNode doc = json.readTree(text);
    assertFalse(doc.at("/custody/0/personalDataVisible").asBoolean());
    assertTrue(doc.at("/custody/1/personalDataVisible").asBoolean());
    assertEquals("cust-bob", doc.at("/custody/1/roles/OWNER/party").asText());
  }

  @Test
  void the_previous_owner_sees_their_own_epoch_but_not_the_next() throws Exception {
    String text = store.export(vin, Viewer.party(ALICE));
    assertTrue(text.contains("alice lives at the harbour"));
    assertTrue(text.contains("53.55"));
    assertFalse(text.contains("bob pays cash"));
    assertFalse(text.contains("cust-bob"));
    assertFalse(text.contains("9.99"));
  }

  @Test
  void erasing_a_subject_keeps_the_technical_history() throws Exception {
    Twin before = store.twin(vin).orElseThrow();
    assertEquals(List.of(vin), store.fleet(new FleetQuery.AboutSubject(ALICE), PageRequest.first(10)).vehicles()
        .stream().map(VehicleSummary::vin).toList(), "alice's car, though bob holds it now");
    assertTrue(store.fleet(new FleetQuery.InCustodyOf(ALICE), PageRequest.first(10)).vehicles().isEmpty());
    ErasureReport report = store.eraseSubject(ALICE);
    assertTrue(report.customerRecordDeleted());
    assertEquals(3, report.eventsRedacted());
    assertEquals(1, report.vehiclesAffected());
    assertEquals(1, report.telemetryValuesDeleted());
    assertEquals(Optional.empty(), store.customer(ALICE));
    Twin after = store.twin(vin).orElseThrow();
    assertEquals(before.revision(), after.revision());
    assertEquals(before.serviceHistory(), after.serviceHistory());
    assertEquals(before.phaseHistory(), after.phaseHistory());
    assertEquals(before.battery(), after.battery());
    assertEquals(PartyId.ERASED, after.custody().get(0).holders().get(CustodyRole.OWNER).party());
    assertEquals(BOB, after.custody().get(1).holders().get(CustodyRole.OWNER).party());
    assertFalse(after.hasConsent(ALICE, DataCategory.LOCATION));
    com.fasterxml.jackson.databind.node.ObjectNode forAlice =
        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(store.export(vin, Viewer.party(ALICE)));
    forAlice.remove("viewer");
    String everything = forAlice.toString();
    assertFalse(everything.contains("harbour"));
    assertFalse(everything.contains("cust-alice"));
    assertFalse(everything.contains("53.55"));
    assertTrue(store.export(vin, Viewer.technical()).contains("12000"), "odometer survives");
    assertFalse(store.latestSignals(vin).containsKey(4));
    assertTrue(store.latestSignals(vin).containsKey(5), "bob's location is not alice's");
    assertTrue(store.fleet(new FleetQuery.InCustodyOf(ALICE), PageRequest.first(10)).vehicles().isEmpty());
    assertTrue(store.fleet(new FleetQuery.AboutSubject(ALICE), PageRequest.first(10)).vehicles().isEmpty());
    Twin aliceEra = store.asOf(vin, ALICE_TIME.plusSeconds(600)).orElseThrow();
    assertEquals(PartyId.ERASED, aliceEra.currentEpoch().orElseThrow().holders().get(CustodyRole.OWNER).party());
    for (JournalEntry e : store.history(vin, 0, 1000)) {
      assertFalse(TwinEventJson.write(e.event()).contains("cust-alice"), e.toString());
    }
  }

  @Test
  void erasing_a_subject_deletes_personal_car_events_and_quarantined_messages_of_their_epochs() {
    io.spime.wire.StreamPosition p3 = new io.spime.wire.StreamPosition(1, 3, 9);
    Instant aliceDrive = ALICE_TIME.plusSeconds(7200);
    store.applyUplink(List.of(
        new UplinkMessage.Events(vin, p3, List.of(
            new CarEvent("trip-1", aliceDrive, DataCategory.USAGE, io.spime.wire.Priority.LOW, "charge_session", Map.of()),
            new CarEvent("dtc-1", aliceDrive, DataCategory.VEHICLE_HEALTH, io.spime.wire.Priority.HIGH, "dtc", Map.of()),
            new CarEvent("trip-2", BOB_TIME.plusSeconds(60), DataCategory.USAGE, io.spime.wire.Priority.LOW, "ignition",
                Map.of())), List.of()),
        new UplinkMessage.Quarantined(vin, new io.spime.wire.StreamPosition(1, 4, 9), "spime/v1/x/events", "bad",
            new byte[] {1})));
    ErasureReport alice = store.eraseSubject(ALICE);
    assertEquals(1, alice.carRecordsDeleted());
    assertEquals(List.of("dtc-1", "trip-2"),
        store.carEvents(vin, Instant.EPOCH, 10).stream().map(CarEvent::eventId).toList());
    assertEquals(1, store.quarantined(vin, 10).size(), "received in Bob's epoch");
    ErasureReport bob = store.eraseSubject(BOB);
    assertEquals(2, bob.carRecordsDeleted());
    assertEquals(List.of("dtc-1"), store.carEvents(vin, Instant.EPOCH, 10).stream().map(CarEvent::eventId).toList());
    assertEquals(List.of(), store.quarantined(vin, 10));
  }

  @Test
  void erasure_is_refused_for_the_placeholder_and_viewing_as_it_too() {
    assertThrows(IllegalArgumentException.class, () -> store.eraseSubject(PartyId.ERASED));
    assertThrows(IllegalArgumentException.class, () -> Viewer.party(PartyId.ERASED));
  }

  @Test
  void exporting_an_unknown_car_is_refused() {
    UnknownVehicleException e = assertThrows(UnknownVehicleException.class,
        () -> store.export(TestVins.numbered(501), Viewer.technical()));
    assertTrue(e.getMessage().contains(TestVins.numbered(501).value()));
  }

  @Test
  void customer_records_follow_the_customer_not_the_car() {
    CustomerRecord alice = store.customer(ALICE).orElseThrow();
    assertEquals(1, alice.version());
    assertEquals("4", alice.profile().preferences().get("seat.position"));
    assertEquals(1, alice.interactions().size());
    CustomerRecord carless = store.putCustomer(PartyId.of("cust-carol"), 0,
        new CustomerProfile("Carol", Map.of("climate.temperature", "21.5"), java.util.Set.of()));
    assertEquals(1, carless.version());
    CustomerRecord changed = store.putCustomer(ALICE, 1, new CustomerProfile("Alice", Map.of("seat.position", "5"), java.util.Set.of()));
    assertEquals(2, changed.version());
    assertThrows(CustomerConflictException.class, () -> store.putCustomer(ALICE, 1,
        new CustomerProfile("Alice", Map.of(), java.util.Set.of())));
    assertEquals("5", store.customer(ALICE).orElseThrow().profile().preferences().get("seat.position"));
    assertThrows(UnknownCustomerException.class, () -> store.recordInteraction(PartyId.of("nobody"),
        new Interaction(T0, "app", Optional.empty(), "x")));
  }
}
