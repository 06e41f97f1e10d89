package io.spime.sim.internal.office;

import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.event.PhaseChanged;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.AssetId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The back office of the scenarios that only drive: before the cars start it registers each in the
 * twin store as produced, shipped, in stock and delivered, an hour before the run, with nobody's
 * custody — a twin takes trouble codes only from a car with a production record, and without a data
 * subject the ingest keeps every sample. A car the store already knows with its production record is
 * left as it is. Checks nothing.
 */
public final class RegisteringOffice implements BackOffice {
  private final TwinStore store;

  public RegisteringOffice(TwinStore store) {
    this.store = store;
  }

  @Override
  public void start(List<AssetId> cars, long nowMillis) {
    Instant from = Instant.ofEpochMilli(nowMillis).minus(Duration.ofHours(1));
    FleetRegistry registry = new FleetRegistry(store);
    for (AssetId vin : cars) {
      Optional<Twin> known = store.twin(vin);
      if (known.isPresent() && known.get().production().isPresent()) {
        continue;
      }
      registry.append(vin, known.map(Twin::revision).orElse(0L), from, Duration.ofMinutes(1),
          List.of(FleetRegistry.produced(vin, from),
              new PhaseChanged(LifecyclePhase.IN_TRANSIT, "shipped"),
              new PhaseChanged(LifecyclePhase.IN_STOCK, "arrived at the dealer"),
              new PhaseChanged(LifecyclePhase.IN_SERVICE, "delivered")));
    }
  }
}
