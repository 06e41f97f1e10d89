package io.spime.cloud.sync.internal;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.ExecutionError;
import com.google.common.util.concurrent.UncheckedExecutionException;
import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.exceptions.TwinException;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.TelemetryBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Drops data the car's data subject has not consented to, should an agent send it anyway (an old agent,
 * or one that has not applied its desired consent yet). The categories come from the twin: non-personal
 * vehicle health always, plus what the data subject consents to. A car nobody holds custody of (at the
 * plant, the dealer, between owners) or known only from its telemetry has no data subject whose data
 * it could be; its data is kept as sent, the car's own filter having applied its consent. Answers are
 * cached for a short while, read a group at a time, and forgotten at once when this process changes a
 * car's consent.
 */
final class ConsentGate {
  private static final Set<DataCategory> EVERYTHING = EnumSet.allOf(DataCategory.class);

  private final TwinStore store;
  private final SignalCatalog catalog;
  private final Cache<AssetId, Set<DataCategory>> allowed;

  ConsentGate(TwinStore store, SignalCatalog catalog, Duration cacheFor) {
    this.store = store;
    this.catalog = catalog;
    this.allowed = CacheBuilder.newBuilder().expireAfterWrite(cacheFor).maximumSize(1_000_000).build();
  }

  /**
   * The categories the cloud keeps for the car.
   *
   * @throws TwinException if the twin cannot be read (the group is then a store failure)
   */
  Set<DataCategory> allowed(AssetId vin) {
    try {
      return allowed.get(vin, () -> load(vin));
    } catch (ExecutionException | UncheckedExecutionException | ExecutionError e) {
      if (e.getCause() instanceof TwinException twin) {
        throw twin;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("consent of " + vin + " could not be read", e.getCause());
    }
  }

  /**
   * Reads the consents of those of these cars not in the cache, with one store read for all of them, so
   * that a group's {@link #keep} calls find their answers cached.
   *
   * @throws TwinException if the twins cannot be read (the group is then a store failure)
   */
  void prefetch(Collection<AssetId> vins) {
    Set<AssetId> missing = new LinkedHashSet<>();
    for (AssetId vin : vins) {
      if (allowed.getIfPresent(vin) == null) {
        missing.add(vin);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    Map<AssetId, Twin> twins = store.twins(missing);
    for (AssetId vin : missing) {
      allowed.put(vin, categories(Optional.ofNullable(twins.get(vin))));
    }
  }

  void forget(AssetId vin) {
    allowed.invalidate(vin);
  }

  /** The samples of the batch the cloud may keep; the count of dropped ones is the difference. */
  List<Sample> keep(TelemetryBatch batch) {
    Set<DataCategory> categories = allowed(batch.vin());
    if (categories.size() == EVERYTHING.size()) {
      return batch.samples();
    }
    List<Sample> kept = new ArrayList<>(batch.samples().size());
    for (Sample sample : batch.samples()) {
      Optional<SignalDefinition> signal = catalog.byId(sample.signalId());
      if (signal.isPresent() && categories.contains(signal.get().category())) {
        kept.add(sample);
      }
    }
    return kept;
  }

  private Set<DataCategory> load(AssetId vin) {
    return categories(store.twin(vin));
  }

  private static Set<DataCategory> categories(Optional<Twin> twin) {
    if (twin.isEmpty() || twin.get().production().isEmpty() || twin.get().dataSubject().isEmpty()) {
      return EVERYTHING;
    }
    return twin.get().consentedCategories();
  }
}
