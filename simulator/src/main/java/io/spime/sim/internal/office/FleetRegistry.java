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
import io.spime.sim.internal.car.AssetIds;
import io.spime.wire.AssetId;
import io.spime.wire.AssetKind;
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

  /**
   * The production record the simulator gives an asset built at this instant, by the kind its id
   * tells ({@link AssetIds#kindOf}): a battery electric car with its traction battery, an e-bike or
   * e-scooter with its smaller battery, a bicycle, a trailer, a petrol boat.
   */
  public static VehicleProduced produced(AssetId vin, Instant at) {
    AssetKind kind = AssetIds.kindOf(vin);
    int year = at.atZone(java.time.ZoneOffset.UTC).getYear();
    String serial = "B-" + vin.value().substring(vin.value().length() - 8);
    return switch (kind) {
      case CAR -> record(new VehicleIdentity(vin, "Volta", "E1", year, Powertrain.BEV, kind), at,
          List.of(battery("BAT-77", serial)), 8.2, 9_800.0);
      case E_BIKE -> record(new VehicleIdentity(vin, "Volta", "Trek-E", year, Powertrain.BEV, kind),
          at, List.of(battery("BAT-E5", serial)), 0.08, 45.0);
      case E_SCOOTER -> record(new VehicleIdentity(vin, "Volta", "Kick", year, Powertrain.BEV, kind),
          at, List.of(battery("BAT-K2", serial)), 0.05, 30.0);
      case BICYCLE -> record(new VehicleIdentity(vin, "Volta", "Urban", year, Powertrain.HUMAN, kind),
          at, List.of(), 0, 25.0);
      case TRAILER -> record(new VehicleIdentity(vin, "Volta", "Cargo 750", year, Powertrain.NONE,
          kind), at, List.of(), 0, 310.0);
      case BOAT -> record(new VehicleIdentity(vin, "Volta", "Fjord 21", year, Powertrain.ICE, kind),
          at, List.of(), 0, 2_600.0);
    };
  }

  private static VehicleProduced record(VehicleIdentity identity, Instant at,
      List<ComponentInstance> components, double lithiumKg, double co2Kg) {
    List<MaterialContent> materials = components.isEmpty() ? List.of()
        : List.of(new MaterialContent("lithium", lithiumKg, 0.12),
            new MaterialContent("cobalt", lithiumKg / 2, 0.16));
    return new VehicleProduced(identity, new ProductionRecord("SIM", at, components, materials, co2Kg));
  }

  private static ComponentInstance battery(String part, String serial) {
    return new ComponentInstance("traction-battery", part, serial, "CellCo", Optional.of("1.0"));
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
