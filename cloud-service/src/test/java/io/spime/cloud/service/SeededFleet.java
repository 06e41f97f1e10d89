package io.spime.cloud.service;

import io.spime.testkit.TestVins;
import io.spime.twin.PendingEvent;
import io.spime.twin.Source;
import io.spime.twin.SourceKind;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.battery.BatteryCondition;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Term;
import io.spime.twin.customer.CustomerProfile;
import io.spime.twin.customer.TouchpointKind;
import io.spime.twin.diagnostics.DtcSeverity;
import io.spime.twin.diagnostics.UpdateOutcome;
import io.spime.twin.event.BatteryMeasured;
import io.spime.twin.event.ConsentGranted;
import io.spime.twin.event.CustodyEnded;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.DtcCleared;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.event.PhaseChanged;
import io.spime.twin.event.ServiceVisited;
import io.spime.twin.event.SoftwareUpdated;
import io.spime.twin.event.TouchpointRecorded;
import io.spime.twin.event.VehicleProduced;
import io.spime.twin.experience.AgreementKind;
import io.spime.twin.experience.AgreementRef;
import io.spime.twin.experience.Channel;
import io.spime.twin.experience.JourneyPhase;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.experience.TouchpointOutcome;
import io.spime.twin.identity.ComponentInstance;
import io.spime.twin.identity.Powertrain;
import io.spime.twin.identity.ProductionRecord;
import io.spime.twin.identity.VehicleIdentity;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.DataCategory;
import io.spime.wire.StreamPosition;
import io.spime.wire.AssetId;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One leased car's life, written to a store before the service opens it: a leasing company
 * (partner) holds it throughout; Alice leased it, then Bob. Each lessee has a touchpoint with a
 * note; Bob consents to location. Telemetry of Bob's epoch: speed (driving), latitude (location),
 * battery health (technical). Bob's lease ends in 20 days; an e-mail of his about it went unanswered.
 * A second car stays at the plant; a third is known only from its telemetry.
 */
final class SeededFleet {
  static final AssetId LEASED = TestVins.numbered(1);
  static final AssetId AT_PLANT = TestVins.numbered(2);
  static final AssetId TELEMETRY_ONLY = TestVins.numbered(3);
  static final AssetId UNKNOWN = TestVins.numbered(99);
  static final PartyId LESSOR = PartyId.of("partner-lease");
  static final PartyId INSURER = PartyId.of("partner-insurer");
  static final PartyId ALICE = PartyId.of("customer-alice");
  static final PartyId BOB = PartyId.of("customer-bob");
  /** A customer with no car of her own, who shares her cabin preferences: a partner's renter. */
  static final PartyId CAROL = PartyId.of("customer-carol");
  static final String ALICE_NOTE = "alice asked about winter tyres";
  static final String BOB_NOTE = "bob reported a rattle";
  /** Bob's e-mail about his lease, never answered: his renewal's one risk. */
  static final String BOB_COMPLAINT = "bob-complaint-1";
  private static final Source FACTORY = Source.of(SourceKind.FACTORY, "plant-1");
  private static final Source DEALER = Source.of(SourceKind.DEALER, "dealer-1");

  private SeededFleet() {}

  static void write(String storeLocation) {
    Instant now = Instant.now();
    try (TwinStore store = TwinStores.open(storeLocation)) {
      produce(store, LEASED, now.minus(Duration.ofDays(400)));
      produce(store, AT_PLANT, now.minus(Duration.ofDays(10)));
      Instant sold = now.minus(Duration.ofDays(300));
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      store.appendAtHead(LEASED, List.of(
          PendingEvent.of(sold.minusSeconds(3600), FACTORY, new PhaseChanged(LifecyclePhase.IN_TRANSIT, "shipped")),
          PendingEvent.of(sold.minusSeconds(1800), DEALER, new PhaseChanged(LifecyclePhase.IN_STOCK, "arrived")),
          PendingEvent.of(sold, DEALER, new PhaseChanged(LifecyclePhase.IN_SERVICE, "leased")),
          PendingEvent.of(sold, DEALER, CustodyStarted.fleet(LESSOR)),
          PendingEvent.of(sold.plusSeconds(60), DEALER,
              CustodyStarted.lessee(ALICE, Term.of(today.minusDays(300), today.minusDays(100)))),
          PendingEvent.of(now.minus(Duration.ofDays(200)), DEALER,
              new TouchpointRecorded(TouchpointKind.DEALER_VISIT, Optional.of(ALICE), "answered", Optional.of(ALICE_NOTE))),
          PendingEvent.of(now.minus(Duration.ofDays(100)), DEALER, new CustodyEnded(CustodyRole.LESSEE, "lease ended")),
          PendingEvent.of(now.minus(Duration.ofDays(99)), DEALER,
              CustodyStarted.lessee(BOB, Term.of(today.minusDays(99), today.plusDays(20)))),
          PendingEvent.of(now.minus(Duration.ofDays(50)), DEALER,
              new TouchpointRecorded(TouchpointKind.DEALER_VISIT, Optional.of(BOB), "answered", Optional.of(BOB_NOTE))),
          PendingEvent.of(now.minus(Duration.ofDays(50)), DEALER, new ConsentGranted(BOB, DataCategory.LOCATION))));
      technicalLife(store, now);
      long t = now.minus(Duration.ofHours(1)).toEpochMilli();
      store.applyUplink(List.of(new UplinkMessage.Telemetry(new TelemetryBatch(LEASED, new StreamPosition(7, 1, 1), 1,
          List.of(new Sample(1, t, new SignalValue.Number(88.5)), new Sample(4, t, new SignalValue.Number(48.1)),
              new Sample(7, t, new SignalValue.Number(93.2)))))));
      store.applyUplink(List.of(new UplinkMessage.Telemetry(new TelemetryBatch(TELEMETRY_ONLY,
          new StreamPosition(3, 1, 1), 1, List.of(new Sample(7, t, new SignalValue.Number(97.0)),
              new Sample(2, t, new SignalValue.Number(1200)))))));
      store.putCustomer(ALICE, 0, new CustomerProfile("Alice Example", Map.of("language", "en"), Set.of()));
      store.putCustomer(BOB, 0, new CustomerProfile("Bob Example", Map.of(), Set.of(DataCategory.LOCATION)));
      store.putCustomer(CAROL, 0, new CustomerProfile("Carol Example", Map.of("seat.heightPercent", "70"),
          Set.of(DataCategory.CABIN_PREFERENCES)));
      store.recordTouchpoint(Touchpoint.of(BOB_COMPLAINT, BOB, JourneyPhase.SERVICE, Channel.EMAIL,
          now.minus(Duration.ofDays(40))).about(new AgreementRef(LEASED, AgreementKind.LEASE, "LESSEE"))
          .withOutcome(TouchpointOutcome.unanswered()));
    }
  }

  /** Workshop visits, a fault, an update and battery readings in both lessees' epochs: technical data. */
  private static void technicalLife(TwinStore store, Instant now) {
    Source workshop = Source.of(SourceKind.WORKSHOP, "workshop-17");
    store.appendAtHead(LEASED, List.of(
        PendingEvent.of(now.minus(Duration.ofDays(48)), workshop,
            new ServiceVisited("workshop-17", 31_200, List.of("annual inspection", "rattle fixed"), List.of())),
        PendingEvent.of(now.minus(Duration.ofDays(47)), workshop, new BatteryMeasured(new BatteryCondition(94.1, 410, 72.3))),
        PendingEvent.of(now.minus(Duration.ofDays(30)), Source.of(SourceKind.BACKEND, "ota"),
            new SoftwareUpdated("BMS", "5.1.0", UpdateOutcome.SUCCEEDED, Optional.of("campaign-7"))),
        PendingEvent.of(now.minus(Duration.ofDays(20)), workshop,
            new DtcRaised("P0A80", DtcSeverity.values()[DtcSeverity.values().length - 1], "replace hybrid battery pack")),
        PendingEvent.of(now.minus(Duration.ofDays(19)), workshop, new DtcCleared("P0A80")),
        PendingEvent.of(now.minus(Duration.ofDays(18)), workshop, new BatteryMeasured(new BatteryCondition(93.4, 430, 71.8)))));
  }

  private static void produce(TwinStore store, AssetId vin, Instant at) {
    ProductionRecord production = ProductionRecord.builder("ZWI", at)
        .component(ComponentInstance.of("battery", "BP-77", "SN-" + vin.value().substring(9), "cellco"))
        .build();
    store.appendAtHead(vin, List.of(PendingEvent.of(at, FACTORY,
        new VehicleProduced(new VehicleIdentity(vin, "Spime", "Roadster", 2025, Powertrain.BEV), production))));
  }
}
