package io.spime.twin.example;

import io.spime.twin.PendingEvent;
import io.spime.twin.Source;
import io.spime.twin.SourceKind;
import io.spime.twin.Twin;
import io.spime.twin.TwinJournal;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Viewer;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.PhaseChanged;
import io.spime.twin.event.ServiceVisited;
import io.spime.twin.event.VehicleProduced;
import io.spime.twin.identity.ComponentInstance;
import io.spime.twin.identity.MaterialContent;
import io.spime.twin.identity.Powertrain;
import io.spime.twin.identity.ProductionRecord;
import io.spime.twin.identity.VehicleIdentity;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.AssetId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A car's life in a twin store: produce, ship, sell, service, look back, export. */
public final class GettingStarted {
  private static final Logger log = LoggerFactory.getLogger(GettingStarted.class);
  private static final Source FACTORY = Source.of(SourceKind.FACTORY, "plant-zwickau");
  private static final Source DEALER = Source.of(SourceKind.DEALER, "dealer-0042");
  private static final Source WORKSHOP = Source.of(SourceKind.WORKSHOP, "workshop-17");

  private GettingStarted() {}

  /** Writes one car's life into a new store in {@code dir} and returns its spime record as JSON. */
  public static String run(Path dir) {
    AssetId vin = AssetId.parse("1M8GDM9AXKP042788");
    PartyId alice = PartyId.of("customer-alice");
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"))) {
      TwinJournal journal = store; // the role this code needs: appends and reads of twins

      // 1. Produced: identity and the production record, the twin's first event.
      ProductionRecord production = ProductionRecord.builder("ZWI", at("2025-03-01T06:00:00Z"))
          .component(ComponentInstance.of("battery", "BP-77", "SN-0001", "cellco").withFirmware("4.2"))
          .material(new MaterialContent("aluminium", 180, 0.3))
          .embodiedCarbonKgCo2e(8_100)
          .build();
      journal.appendAtHead(vin, List.of(PendingEvent.of(at("2025-03-01T06:00:00Z"), FACTORY,
          new VehicleProduced(new VehicleIdentity(vin, "Spime", "Roadster", 2025, Powertrain.BEV), production))));

      // 2. Shipped and in stock, 3. sold: the lifecycle moves, then custody.
      journal.appendAtHead(vin, List.of(
          PendingEvent.of(at("2025-03-03T08:00:00Z"), FACTORY, new PhaseChanged(LifecyclePhase.IN_TRANSIT, "shipped")),
          PendingEvent.of(at("2025-03-10T08:00:00Z"), DEALER, new PhaseChanged(LifecyclePhase.IN_STOCK, "arrived")),
          PendingEvent.of(at("2025-04-02T10:00:00Z"), DEALER, new PhaseChanged(LifecyclePhase.IN_SERVICE, "sold")),
          PendingEvent.of(at("2025-04-02T10:00:00Z"), DEALER, CustodyStarted.owner(alice))));

      // 4. A service visit a year later.
      journal.appendAtHead(vin, List.of(PendingEvent.of(at("2026-04-15T09:30:00Z"), WORKSHOP,
          new ServiceVisited("workshop-17", 15_200, List.of("annual inspection", "cabin filter"), List.of()))));

      // 5. Look back: the twin as it was when it sat at the dealer.
      Twin atDealer = journal.asOf(vin, at("2025-03-20T00:00:00Z")).orElseThrow();
      log.info("on 2025-03-20 the car was {}", atDealer.phase().orElseThrow());
      Twin now = journal.twin(vin).orElseThrow();
      log.info("now {} at revision {}, {} service visit(s)", now.phase().orElseThrow(), now.revision(),
          now.serviceHistory().size());

      // 6. Export the whole life as its owner may see it.
      return store.export(vin, Viewer.party(alice));
    }
  }

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  /** Runs the example in a folder given as the first argument and logs the export. */
  public static void main(String[] args) {
    log.info("spime record: {}", run(Path.of(args[0])));
  }
}
