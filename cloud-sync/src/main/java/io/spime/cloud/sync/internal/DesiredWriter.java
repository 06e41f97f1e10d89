package io.spime.cloud.sync.internal;

import io.spime.twin.PendingEvent;
import io.spime.twin.Source;
import io.spime.twin.SourceKind;
import io.spime.twin.Twin;
import io.spime.twin.TwinFold;
import io.spime.twin.TwinStore;
import io.spime.twin.event.DesiredStateChanged;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.exceptions.ConcurrencyConflictException;
import io.spime.twin.exceptions.UnknownVehicleException;
import io.spime.twin.state.StateDocument;
import io.spime.wire.DataCategory;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.signing.DownlinkSigner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Changes a car's desired state in its twin and publishes it, retained, to the car. The twin's desired
 * document is the truth: each change appends a {@link DesiredStateChanged} with the next version at the
 * twin's revision (retrying on a concurrent writer), together with any events the change rests on
 * (custody, consent), in one append. The consent entries are always derived from the twin; a driver
 * profile stays only while the data subject consents to cabin preferences. Every publish is signed
 * (a change without a signing key is refused before the twin is touched). A publish that cannot go out
 * (broker link down) is repeated when the link is back, and on the car's next birth.
 */
final class DesiredWriter {
  static final Source BACKEND = Source.of(SourceKind.BACKEND, "spime-ingest");
  private static final int ATTEMPTS = 5;

  private final TwinStore store;
  private final SignalCatalog catalog;
  private final DownlinkPublisher publisher;
  private final Clock clock;
  private final ConsentGate consentGate;
  private final Set<AssetId> unpublished;
  private final Optional<DownlinkSigner> signer;
  private final OptionalLong expected;

  DesiredWriter(TwinStore store, SignalCatalog catalog, DownlinkPublisher publisher, Clock clock,
      ConsentGate consentGate, Optional<DownlinkSigner> signer) {
    this(store, catalog, publisher, clock, consentGate, signer, ConcurrentHashMap.newKeySet(), OptionalLong.empty());
  }

  private DesiredWriter(TwinStore store, SignalCatalog catalog, DownlinkPublisher publisher, Clock clock,
      ConsentGate consentGate, Optional<DownlinkSigner> signer, Set<AssetId> unpublished, OptionalLong expected) {
    this.signer = signer;
    this.store = store;
    this.catalog = catalog;
    this.publisher = publisher;
    this.clock = clock;
    this.consentGate = consentGate;
    this.unpublished = unpublished;
    this.expected = expected;
  }

  /**
   * This writer, changing a car only while its twin is at {@code revision}: otherwise, or when another
   * writer appends first, {@link ConcurrencyConflictException} and nothing changes (no retry).
   */
  DesiredWriter expecting(long revision) {
    return new DesiredWriter(store, catalog, publisher, clock, consentGate, signer, unpublished,
        OptionalLong.of(revision));
  }

  /**
   * Appends the events {@code before} makes of the current twin, then the desired state {@code change}
   * makes of the current document (consent and profile rules applied after it); returns the version.
   */
  long change(AssetId vin, Function<Twin, List<TwinEvent>> before,
      BiConsumer<Twin, Map<String, String>> change) {
    DownlinkSigning.require(signer);
    for (int attempt = 1; ; attempt++) {
      Twin twin = store.twin(vin).filter(t -> t.production().isPresent())
          .orElseThrow(() -> new UnknownVehicleException(
              "desired state needs the production record of " + vin + " in the twin"));
      if (expected.isPresent() && twin.revision() != expected.getAsLong()) {
        throw new ConcurrencyConflictException(vin, expected.getAsLong(), twin.revision());
      }
      List<TwinEvent> events = new ArrayList<>(before.apply(twin));
      Twin after = events.isEmpty() ? twin : preview(twin, events);
      Map<String, String> doc = new TreeMap<>(twin.desired().values());
      change.accept(after, doc);
      applyRules(after, doc);
      StateDocument current = twin.desired();
      StateDocument next = doc.equals(current.values()) && current.version() > 0
          ? current
          : new StateDocument(current.version() + 1, doc);
      if (next != current) {
        events.add(new DesiredStateChanged(next));
      }
      try {
        if (!events.isEmpty()) {
          store.append(vin, twin.revision(), pending(events));
        }
      } catch (ConcurrencyConflictException e) {
        if (attempt == ATTEMPTS || expected.isPresent()) {
          throw e;
        }
        continue;
      }
      consentGate.forget(vin);
      publish(vin, next);
      return next.version();
    }
  }

  /** Publishes the twin's desired state as it is; false if the car has none or the link is down. */
  boolean republish(AssetId vin) {
    return store.twin(vin).filter(twin -> twin.desired().version() > 0)
        .map(twin -> publish(vin, twin.desired())).orElse(false);
  }

  /** Publishes again every desired state that could not go out while the link was down. */
  void republishPending() {
    for (AssetId vin : List.copyOf(unpublished)) {
      if (republish(vin)) {
        unpublished.remove(vin);
      }
    }
  }

  private boolean publish(AssetId vin, StateDocument state) {
    if (state.version() < 1) {
      return false;
    }
    byte[] payload = DownlinkSigning.require(signer)
        .signDesired(vin, StateEntries.desired(state, catalog), clock.millis());
    boolean sent = publisher.publish(Topics.of(vin, TopicKind.DESIRED), payload, true);
    if (sent) {
      unpublished.remove(vin);
    } else {
      unpublished.add(vin);
    }
    return sent;
  }

  private void applyRules(Twin twin, Map<String, String> doc) {
    Set<DataCategory> consented = twin.dataSubject().isPresent()
        ? twin.consentedCategories()
        : EnumSet.allOf(DataCategory.class);
    StateEntries.putConsent(doc, consented);
    boolean personalProfile = !doc.getOrDefault("profile.customer", "").isEmpty();
    if (personalProfile && !consented.contains(DataCategory.CABIN_PREFERENCES)) {
      StateEntries.putProfile(doc, ProfileMapping.NEUTRAL);
    }
  }

  private Twin preview(Twin twin, List<TwinEvent> events) {
    return TwinFold.after(twin, events, clock.instant());
  }

  private List<PendingEvent> pending(List<TwinEvent> events) {
    List<PendingEvent> out = new ArrayList<>(events.size());
    for (TwinEvent event : events) {
      out.add(PendingEvent.of(clock.instant(), BACKEND, event));
    }
    return out;
  }
}
