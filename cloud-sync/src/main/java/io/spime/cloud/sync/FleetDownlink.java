package io.spime.cloud.sync;

import io.spime.cloud.sync.internal.FleetControl;
import io.spime.cloud.sync.internal.IngestEngine;
import io.spime.twin.custody.PartyId;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.optin.Pseudonym;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.DriverProfile;
import java.time.Duration;
import java.util.Objects;

/**
 * Desired state and commands to the fleet's cars, through the connection of a {@link FleetIngest}
 * ({@link FleetIngest#downlink()}). Every change is first an event in the car's twin (versioned,
 * checked by the twin's rules), then published: desired state retained on {@code
 * spime/v1/{vin}/desired}, commands on {@code spime/v1/{vin}/command}, each signed with the ingest's
 * signing key ({@link FleetIngest.Builder#signingKeyFile}); without one every call throws {@link
 * NoSigningKeyException} before anything changes.
 */
public final class FleetDownlink {
  private final IngestEngine engine;
  private final FleetControl control;

  FleetDownlink(IngestEngine engine) {
    this(engine, engine.control());
  }

  private FleetDownlink(IngestEngine engine, FleetControl control) {
    this.engine = engine;
    this.control = control;
  }

  /**
   * This downlink, whose changes to one car apply only while the car's twin is at {@code revision} (an
   * HTTP {@code If-Match}): if it is at another, or another writer appends first, the change throws
   * {@link io.spime.twin.exceptions.ConcurrencyConflictException} and nothing is written or published.
   * Fleet-segment changes and commands are not conditional.
   */
  public FleetDownlink atRevision(long revision) {
    if (revision < 0) {
      throw new IllegalArgumentException("revision must be 0 or more, was " + revision);
    }
    return new FleetDownlink(engine, control.expecting(revision));
  }

  /**
   * Sets the collection policy the car should use, as its desired state (versioned in the twin, published
   * retained); returns the desired state's new version.
   *
   * @throws io.spime.twin.exceptions.UnknownVehicleException if the twin has no production record of the car
   * @throws IllegalArgumentException if a rule names a signal the catalog does not have
   * @throws io.spime.twin.exceptions.TwinStoreException if the store fails
   * @throws NoSigningKeyException if the ingest has no signing key (nothing is changed)
   */
  public long setPolicy(AssetId vin, CollectionPolicy policy) {
    return control.setPolicy(vin, policy);
  }

  /**
   * Sets the collection policy of every car of a fleet segment; returns how many cars it was set for.
   *
   * @throws io.spime.twin.exceptions.TwinStoreException if the store fails
   * @throws NoSigningKeyException if the ingest has no signing key (nothing is changed)
   */
  public int setPolicy(FleetQuery segment, CollectionPolicy policy) {
    return engine.control().forSegment(segment, vin -> engine.control().setPolicy(vin, policy));
  }

  /**
   * Sets the driver profile the car should apply; it stays only while the car's data subject consents
   * to cabin preferences. Returns the desired state's new version.
   *
   * @throws io.spime.twin.exceptions.UnknownVehicleException if the twin has no production record of the car
   * @throws io.spime.twin.exceptions.TwinStoreException if the store fails
   * @throws NoSigningKeyException if the ingest has no signing key (nothing is changed)
   */
  public long setProfile(AssetId vin, DriverProfile profile) {
    return control.setProfile(vin, profile);
  }

  /**
   * Sets the driver profile of every car of a fleet segment; returns how many cars it was set for.
   *
   * @throws io.spime.twin.exceptions.TwinStoreException if the store fails
   * @throws NoSigningKeyException if the ingest has no signing key (nothing is changed)
   */
  public int setProfile(FleetQuery segment, DriverProfile profile) {
    return engine.control().forSegment(segment, vin -> engine.control().setProfile(vin, profile));
  }

  /**
   * Records that the car's data subject (its driver, lessee, keeper, owner or fleet, in that order)
   * grants or withdraws consent to a category, and makes the car's desired consent follow; returns the
   * desired state's new version.
   *
   * @throws io.spime.twin.exceptions.UnknownVehicleException if the twin has no production record of the car
   * @throws IllegalStateException if nobody holds custody of the car
   * @throws io.spime.twin.exceptions.TwinStoreException if the store fails
   * @throws NoSigningKeyException if the ingest has no signing key (nothing is changed)
   */
  public long setConsent(AssetId vin, DataCategory category, boolean granted) {
    return control.setConsent(vin, category, granted);
  }

  /**
   * Consent of each car's data subject in a fleet segment; cars nobody holds custody of are skipped.
   * Returns how many cars it was set for.
   *
   * @throws io.spime.twin.exceptions.TwinStoreException if the store fails
   * @throws NoSigningKeyException if the ingest has no signing key (nothing is changed)
   */
  public int setConsent(FleetQuery segment, DataCategory category, boolean granted) {
    int[] skipped = {0};
    FleetControl fleet = engine.control();
    int cars = fleet.forSegment(segment, vin -> {
      try {
        fleet.setConsent(vin, category, granted);
      } catch (IllegalStateException e) {
        skipped[0]++;
      }
    });
    return cars - skipped[0];
  }

  /**
   * The customer's own consent to one data category on every car they hold a custody role of now, each
   * car's desired consent published: for a telemetry opt-in given or withdrawn. Returns how many cars.
   *
   * @throws io.spime.twin.exceptions.TwinStoreException if the store fails
   * @throws NoSigningKeyException if the ingest has no signing key (nothing is changed)
   */
  public int setCustomerConsent(PartyId customer, DataCategory category, boolean granted) {
    return engine.control().setCustomerConsent(customer, category, granted);
  }

  /**
   * Assigns a customer as the car's driver (rental, loaner, car share, a second family car): the
   * customer's standing consents apply to the car, and their cabin profile from their master record is
   * pushed to it as desired state if they consent to cabin-preference sharing. Returns the desired
   * state's new version.
   *
   * @throws io.spime.twin.exceptions.UnknownCustomerException if there is no master record of the customer
   * @throws io.spime.twin.exceptions.UnknownVehicleException if the twin has no production record of the car
   * @throws io.spime.twin.exceptions.IllegalTransitionException if the car is not in service
   * @throws io.spime.twin.exceptions.TwinStoreException if the store fails
   * @throws NoSigningKeyException if the ingest has no signing key (nothing is changed)
   */
  public long assignDriver(AssetId vin, PartyId customer) {
    return control.assignDriver(vin, customer);
  }

  /**
   * Assigns as the car's driver the customer whom a partner knows by its own pseudonym (a rental, a car
   * share): only while the customer's opt-in to sharing with that partner is active, and only on a car the
   * partner holds custody of now. Then as {@link #assignDriver}. Returns the desired state's new version.
   *
   * @throws io.spime.twin.exceptions.UnknownCustomerException if the pseudonym resolves to no customer for
   *     this partner (never issued, another partner's, or without an active opt-in: alike)
   * @throws IllegalArgumentException if the partner does not hold custody of the car now
   * @throws io.spime.twin.exceptions.UnknownVehicleException if the store has no such vehicle
   * @throws io.spime.twin.exceptions.TwinStoreException if the store fails
   * @throws NoSigningKeyException if the ingest has no signing key (nothing is changed)
   */
  public long assignPartnerDriver(AssetId vin, PartyId partner, Pseudonym pseudonym) {
    return control.assignPartnerDriver(vin, partner, pseudonym);
  }

  /**
   * Ends the customer's driver assignments on the cars the partner holds now, withdrawing their profile:
   * for when the customer withdraws their opt-in to sharing with the partner. Returns how many ended.
   *
   * @throws io.spime.twin.exceptions.TwinStoreException if the store fails
   * @throws NoSigningKeyException if the ingest has no signing key (nothing is changed)
   */
  public int endPartnerDriving(PartyId customer, PartyId partner) {
    return engine.control().endPartnerDriving(customer, partner);
  }

  /**
   * Ends the car's driver assignment and withdraws the driver's profile (the car goes back to its
   * neutral settings). Returns the desired state's new version.
   *
   * @throws io.spime.twin.exceptions.UnknownVehicleException if the twin has no production record of the car
   * @throws io.spime.twin.exceptions.TwinStoreException if the store fails
   * @throws NoSigningKeyException if the ingest has no signing key (nothing is changed)
   */
  public long endDriverAssignment(AssetId vin) {
    return control.endDriverAssignment(vin);
  }

  /**
   * Derives the car's desired consent and profile again from its twin and publishes the result: for
   * back-end code that appended consent or custody events to the store directly.
   *
   * @throws io.spime.twin.exceptions.UnknownVehicleException if the twin has no production record of the car
   * @throws io.spime.twin.exceptions.TwinStoreException if the store fails
   * @throws NoSigningKeyException if the ingest has no signing key (nothing is changed)
   */
  public long refreshDesired(AssetId vin) {
    return control.refresh(vin);
  }

  /**
   * Tells the car to apply at once the driver profile its desired state holds (the neutral profile if it
   * holds none): for a driver who is in the car now, without waiting for the car to reconcile its desired
   * state. Returns the command id.
   *
   * @throws io.spime.twin.exceptions.UnknownVehicleException if the twin has no production record of the car
   * @throws IllegalArgumentException if {@code ttl} is not positive
   * @throws io.spime.twin.exceptions.TwinStoreException if the store fails
   * @throws NoSigningKeyException if the ingest has no signing key (nothing is changed)
   */
  public String applyDesiredProfile(AssetId vin, Duration ttl) {
    return send(vin, new DownlinkCommand.ApplyProfile(control.desiredProfile(vin)), ttl);
  }

  /**
   * Sends a command to the car, recorded in its twin first; the car's result completes it in the twin.
   * A car offline now gets it on its next birth, unless it has expired by then. Returns the command id.
   *
   * @throws io.spime.twin.exceptions.UnknownVehicleException if the twin has no production record of the car
   * @throws IllegalArgumentException if {@code ttl} is not positive
   * @throws io.spime.twin.exceptions.TwinStoreException if the store fails
   * @throws NoSigningKeyException if the ingest has no signing key (nothing is changed)
   */
  public String send(AssetId vin, DownlinkCommand command, Duration ttl) {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(command, "command");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, was " + ttl);
    }
    return engine.sendCommand(vin, command.kind(), command.profile(), ttl);
  }
}
