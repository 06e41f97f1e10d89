package io.spime.cloud.sync.internal;

import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.PartyId;
import io.spime.twin.customer.CustomerRecord;
import io.spime.twin.event.ConsentGranted;
import io.spime.twin.event.ConsentRevoked;
import io.spime.twin.event.CustodyEnded;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.exceptions.UnknownCustomerException;
import io.spime.twin.exceptions.UnknownVehicleException;
import io.spime.twin.fleet.FleetPage;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.fleet.VehicleSummary;
import io.spime.twin.optin.Pseudonym;
import io.spime.twin.optin.PurposeKind;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.DriverProfile;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Desired state, consent and driver assignment for one car or a fleet segment. */
public final class FleetControl {
  private static final int PAGE = 500;

  private final TwinStore store;
  private final SignalCatalog catalog;
  private final DesiredWriter writer;

  FleetControl(TwinStore store, SignalCatalog catalog, DesiredWriter writer) {
    this.store = store;
    this.catalog = catalog;
    this.writer = writer;
  }

  /** This control, changing one car only while its twin is at {@code revision} (see {@link DesiredWriter#expecting}). */
  public FleetControl expecting(long revision) {
    return new FleetControl(store, catalog, writer.expecting(revision));
  }

  public long setPolicy(AssetId vin, CollectionPolicy policy) {
    return writer.change(vin, twin -> List.of(), (twin, doc) -> StateEntries.putPolicy(doc, policy, catalog));
  }

  public long setProfile(AssetId vin, DriverProfile profile) {
    return writer.change(vin, twin -> List.of(), (twin, doc) -> StateEntries.putProfile(doc, profile));
  }

  public long setConsent(AssetId vin, DataCategory category, boolean granted) {
    return writer.change(vin, twin -> {
      PartyId subject = twin.dataSubject().orElseThrow(() -> new IllegalStateException(
          vin + " has no data subject (nobody holds custody) whose consent could change"));
      if (twin.hasConsent(subject, category) == granted) {
        return List.of();
      }
      return List.of(granted ? new ConsentGranted(subject, category) : new ConsentRevoked(subject, category));
    }, (twin, doc) -> {});
  }

  /** The driver profile the car's desired state holds; the neutral profile if it holds none. */
  public DriverProfile desiredProfile(AssetId vin) {
    Twin twin = store.twin(vin).orElseThrow(() -> new UnknownVehicleException("there is no vehicle " + vin));
    return StateEntries.profile(twin.desired().values()).orElse(ProfileMapping.NEUTRAL);
  }

  /** Recomputes the derived parts (consent, profile rule) from the twin and publishes. */
  public long refresh(AssetId vin) {
    return writer.change(vin, twin -> List.of(), (twin, doc) -> {});
  }

  /**
   * The customer's own consent to one category on every car they hold a custody role of now (their
   * telemetry opt-in given or withdrawn); returns how many cars it was set on.
   */
  public int setCustomerConsent(PartyId customer, DataCategory category, boolean granted) {
    return forSegment(new FleetQuery.InCustodyOf(customer), vin -> writer.change(vin,
        twin -> twin.hasConsent(customer, category) == granted ? List.of()
            : List.of(granted ? new ConsentGranted(customer, category) : new ConsentRevoked(customer, category)),
        (twin, doc) -> {}));
  }

  public long assignDriver(AssetId vin, PartyId customer) {
    return assignDriver(vin, customer, customer);
  }

  /** Assigns the customer; the profile the car gets names them as {@code profileId}. */
  private long assignDriver(AssetId vin, PartyId customer, PartyId profileId) {
    CustomerRecord record = store.customer(customer).orElseThrow(() -> new UnknownCustomerException(
        "no customer record for " + customer + "; a driver must be a known customer"));
    return writer.change(vin, twin -> {
      List<TwinEvent> events = new ArrayList<>();
      if (!isDriver(twin, customer)) {
        events.add(new CustodyStarted(CustodyRole.DRIVER, customer, Optional.empty()));
      }
      Set<DataCategory> withdrawn = withdrawnTelemetry(customer);
      for (DataCategory category : record.profile().consents()) {
        if (!twin.hasConsent(customer, category) && !withdrawn.contains(category)) {
          events.add(new ConsentGranted(customer, category));
        }
      }
      return events;
    }, (twin, doc) -> StateEntries.putProfile(doc,
        record.profile().consents().contains(DataCategory.CABIN_PREFERENCES)
            ? ProfileMapping.of(profileId, record.profile())
            : ProfileMapping.NEUTRAL));
  }

  /** Categories the customer opted in to sending once and has withdrawn since (no current opt-in). */
  private Set<DataCategory> withdrawnTelemetry(PartyId customer) {
    Set<DataCategory> withdrawn = EnumSet.noneOf(DataCategory.class);
    store.optIns().optInHistory(customer).stream().filter(o -> o.purpose().kind() == PurposeKind.TELEMETRY)
        .forEach(o -> withdrawn.add(DataCategory.valueOf(o.purpose().scope())));
    store.optIns().currentOptIns(customer).stream().filter(o -> o.purpose().kind() == PurposeKind.TELEMETRY)
        .forEach(o -> withdrawn.remove(DataCategory.valueOf(o.purpose().scope())));
    return withdrawn;
  }

  /** Assigns the customer a partner knows by this pseudonym as driver of a car the partner holds now. */
  public long assignPartnerDriver(AssetId vin, PartyId partner, Pseudonym pseudonym) {
    PartyId customer = store.optIns().resolvePseudonym(partner, pseudonym).orElseThrow(() -> new UnknownCustomerException(
        "partner " + partner + " knows no customer " + pseudonym + " who shares their profile with it"));
    Twin twin = store.twin(vin).orElseThrow(() -> new UnknownVehicleException("there is no vehicle " + vin));
    if (twin.currentEpoch().map(e -> !e.heldBy(partner)).orElse(true)) {
      throw new IllegalArgumentException("partner " + partner + " does not hold custody of " + vin + " now");
    }
    return assignDriver(vin, customer, PartyId.of(pseudonym.value()));
  }

  /**
   * Ends the driver assignments of the customer on the cars the partner holds now (the customer withdrew
   * their opt-in to sharing with it); returns how many it ended.
   */
  public int endPartnerDriving(PartyId customer, PartyId partner) {
    List<AssetId> ended = new ArrayList<>();
    forSegment(new FleetQuery.InCustodyOf(customer), vin -> store.twin(vin)
        .filter(twin -> isDriver(twin, customer) && twin.currentEpoch().map(e -> e.heldBy(partner)).orElse(false))
        .ifPresent(twin -> ended.add(vin)));
    ended.forEach(this::endDriverAssignment);
    return ended.size();
  }

  public long endDriverAssignment(AssetId vin) {
    return writer.change(vin, twin -> driver(twin).isPresent()
            ? List.of(new CustodyEnded(CustodyRole.DRIVER, "driver assignment ended"))
            : List.of(),
        (twin, doc) -> StateEntries.putProfile(doc, ProfileMapping.NEUTRAL));
  }

  /** Applies {@code change} to every car of the segment; returns how many cars it changed. */
  public int forSegment(FleetQuery segment, Consumer<AssetId> change) {
    int cars = 0;
    Optional<String> cursor = Optional.empty();
    do {
      FleetPage page = store.fleet(segment, new PageRequest(PAGE, cursor));
      for (VehicleSummary car : page.vehicles()) {
        change.accept(car.vin());
        cars++;
      }
      cursor = page.next();
    } while (cursor.isPresent());
    return cars;
  }

  private static boolean isDriver(Twin twin, PartyId customer) {
    return driver(twin).filter(customer::equals).isPresent();
  }

  private static Optional<PartyId> driver(Twin twin) {
    return twin.currentEpoch()
        .map(epoch -> epoch.holders().get(CustodyRole.DRIVER))
        .map(holder -> holder.party());
  }
}
