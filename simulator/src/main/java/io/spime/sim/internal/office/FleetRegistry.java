package io.spime.sim.internal.office;

import io.spime.twin.PendingEvent;
import io.spime.twin.Source;
import io.spime.twin.SourceKind;
import io.spime.twin.TwinStore;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.PartyId;
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
import io.spime.wire.AssetId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Puts the simulated cars into the twin store the way a carmaker's back end would. */
public final class FleetRegistry {
  static final Source FACTORY = Source.of(SourceKind.FACTORY, "SIM");
  static final Source BACKEND = Source.of(SourceKind.BACKEND, "spime-sim");

  private final TwinStore store;

  public FleetRegistry(TwinStore store) {
    this.store = store;
  }

  /** Produced, shipped, stocked and handed to a fleet operator, one minute apart from {@code from}. */
  public void deliverToFleet(AssetId vin, PartyId fleet, Instant from) {
    deliverToFleet(vin, fleet, from, List.of());
  }

  /** As {@link #deliverToFleet(AssetId, PartyId, Instant)}, followed in the same append by {@code more}. */
  void deliverToFleet(AssetId vin, PartyId fleet, Instant from, List<TwinEvent> more) {
    List<TwinEvent> events = new ArrayList<>(delivered(vin, from));
    events.add(new CustodyStarted(CustodyRole.FLEET, fleet, Optional.empty()));
    events.addAll(more);
    append(vin, 0, from, Duration.ofMinutes(1), events);
  }

  /** The production record of a simulated car: a battery electric car with its traction battery. */
  /** The production record the simulator gives a car built at this instant. */
  public static VehicleProduced produced(AssetId vin, Instant at) {
    return new VehicleProduced(
        new VehicleIdentity(vin, "Volta", "E1", at.atZone(java.time.ZoneOffset.UTC).getYear(), Powertrain.BEV),
        new ProductionRecord("SIM", at,
            List.of(new ComponentInstance("traction-battery", "BAT-77", "B-" + vin.value().substring(9),
                "CellCo", Optional.of("1.0"))),
            List.of(new MaterialContent("lithium", 8.2, 0.12), new MaterialContent("cobalt", 4.1, 0.16)),
            9_800.0));
  }

  private static List<TwinEvent> delivered(AssetId vin, Instant from) {
    return List.of(produced(vin, from),
        new PhaseChanged(LifecyclePhase.IN_TRANSIT, "shipped"),
        new PhaseChanged(LifecyclePhase.IN_STOCK, "arrived at the dealer"),
        new PhaseChanged(LifecyclePhase.IN_SERVICE, "delivered"));
  }

  /** Appends events {@code step} apart from {@code from} at the expected revision. */
  void append(AssetId vin, long revision, Instant from, Duration step, List<TwinEvent> events) {
    List<PendingEvent> pending = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      pending.add(PendingEvent.of(from.plus(step.multipliedBy(i)), i == 0 ? FACTORY : BACKEND, events.get(i)));
    }
    store.append(vin, revision, pending);
  }
}
