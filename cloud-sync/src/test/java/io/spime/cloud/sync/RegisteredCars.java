package io.spime.cloud.sync;

import io.spime.twin.PendingEvent;
import io.spime.twin.Source;
import io.spime.twin.SourceKind;
import io.spime.twin.TwinStore;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.PartyId;
import io.spime.twin.event.ConsentGranted;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.PhaseChanged;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.event.VehicleProduced;
import io.spime.twin.identity.ComponentInstance;
import io.spime.twin.identity.MaterialContent;
import io.spime.twin.identity.Powertrain;
import io.spime.twin.identity.ProductionRecord;
import io.spime.twin.identity.VehicleIdentity;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Puts cars into a store the way the back end would: produced, delivered, in someone's custody. */
final class RegisteredCars {
  private static final Source FACTORY = Source.of(SourceKind.FACTORY, "ZWI");

  private RegisteredCars() {}

  static void deliver(TwinStore store, AssetId vin, String owner, Set<DataCategory> consents) {
    List<TwinEvent> events = new ArrayList<>(delivered(vin));
    events.add(new CustodyStarted(CustodyRole.OWNER, PartyId.of(owner), Optional.empty()));
    consents.forEach(category -> events.add(new ConsentGranted(PartyId.of(owner), category)));
    append(store, vin, events);
  }

  static void deliverToFleet(TwinStore store, AssetId vin, String fleet) {
    List<TwinEvent> events = new ArrayList<>(delivered(vin));
    events.add(new CustodyStarted(CustodyRole.FLEET, PartyId.of(fleet), Optional.empty()));
    append(store, vin, events);
  }

  private static List<TwinEvent> delivered(AssetId vin) {
    return List.of(
        new VehicleProduced(new VehicleIdentity(vin, "Volta", "E1", 2025, Powertrain.BEV),
            new ProductionRecord("ZWI", Instant.now().minusSeconds(86_400),
                List.of(new ComponentInstance("traction-battery", "BAT-77", "B-1", "CellCo", Optional.of("1.0"))),
                List.of(new MaterialContent("lithium", 8.2, 0.12)), 9_800.0)),
        new PhaseChanged(LifecyclePhase.IN_TRANSIT, "shipped"),
        new PhaseChanged(LifecyclePhase.IN_STOCK, "arrived"),
        new PhaseChanged(LifecyclePhase.IN_SERVICE, "delivered"));
  }

  private static void append(TwinStore store, AssetId vin, List<TwinEvent> events) {
    Instant start = Instant.now().minusSeconds(3_600);
    List<PendingEvent> pending = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      pending.add(PendingEvent.of(start.plusSeconds(i), FACTORY, events.get(i)));
    }
    store.append(vin, 0, pending);
  }
}
