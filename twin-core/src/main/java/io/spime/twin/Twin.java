package io.spime.twin;

import io.spime.twin.battery.BatteryReading;
import io.spime.twin.battery.EndOfLife;
import io.spime.twin.custody.Consent;
import io.spime.twin.custody.CustodyEpoch;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Subscription;
import io.spime.twin.diagnostics.Dtc;
import io.spime.twin.diagnostics.ServiceRecord;
import io.spime.twin.diagnostics.SoftwareVersion;
import io.spime.twin.identity.ComponentInstance;
import io.spime.twin.identity.ProductionRecord;
import io.spime.twin.identity.ReplacedPart;
import io.spime.twin.identity.VehicleIdentity;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.twin.lifecycle.PhaseChange;
import io.spime.twin.state.CommandState;
import io.spime.twin.state.StateDocument;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The twin of one car at one revision: the fold of its events up to that revision. Lists that would
 * grow without bound over a car's life (closed DTCs, touchpoints, battery readings, every update)
 * are kept as counts or recent entries here and in full in the journal and the export.
 *
 * @param vin the vehicle
 * @param revision number of events folded in; 0 for a car known only from telemetry
 * @param updatedAt occurrence time of the last event folded in
 * @param identity make, model, year, powertrain; empty before the production record
 * @param production production record
 * @param phase lifecycle phase; empty before the production record
 * @param phaseHistory every lifecycle move
 * @param components component instances fitted now, by slot
 * @param genealogy every component swap, oldest first
 * @param custody every custody epoch, oldest first; the last one is open
 * @param subscriptions subscriptions by id
 * @param reported last reported state
 * @param desired last desired state
 * @param openDtcs open trouble codes by code
 * @param recentlyClosedDtcs the last {@value #RECENT_CLOSED_DTCS} closed codes, oldest first
 * @param closedDtcCount all codes ever closed
 * @param serviceHistory every workshop visit, oldest first
 * @param software installed software by ECU
 * @param softwareUpdateCount update attempts of any outcome
 * @param touchpointCount touchpoints recorded
 * @param battery last battery reading
 * @param consents consents in force
 * @param endOfLife the end-of-life record
 * @param commands commands issued to the car and not completed yet, by command id
 */
public record Twin(
    AssetId vin,
    long revision,
    Optional<Instant> updatedAt,
    Optional<VehicleIdentity> identity,
    Optional<ProductionRecord> production,
    Optional<LifecyclePhase> phase,
    List<PhaseChange> phaseHistory,
    Map<String, ComponentInstance> components,
    List<ReplacedPart> genealogy,
    List<CustodyEpoch> custody,
    Map<String, Subscription> subscriptions,
    StateDocument reported,
    StateDocument desired,
    Map<String, Dtc> openDtcs,
    List<Dtc> recentlyClosedDtcs,
    long closedDtcCount,
    List<ServiceRecord> serviceHistory,
    Map<String, SoftwareVersion> software,
    long softwareUpdateCount,
    long touchpointCount,
    Optional<BatteryReading> battery,
    List<Consent> consents,
    EndOfLife endOfLife,
    Map<String, CommandState> commands) {
  /** How many closed trouble codes the twin keeps; all of them are in the journal. */
  public static final int RECENT_CLOSED_DTCS = 20;


  public Twin {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(production, "production");
    Objects.requireNonNull(phase, "phase");
    phaseHistory = List.copyOf(phaseHistory);
    components = Map.copyOf(components);
    genealogy = List.copyOf(genealogy);
    custody = List.copyOf(custody);
    subscriptions = Map.copyOf(subscriptions);
    Objects.requireNonNull(reported, "reported");
    Objects.requireNonNull(desired, "desired");
    openDtcs = Map.copyOf(openDtcs);
    recentlyClosedDtcs = List.copyOf(recentlyClosedDtcs);
    serviceHistory = List.copyOf(serviceHistory);
    software = Map.copyOf(software);
    Objects.requireNonNull(battery, "battery");
    consents = List.copyOf(consents);
    Objects.requireNonNull(endOfLife, "endOfLife");
    commands = Map.copyOf(commands);
  }

  /** The twin of a car nothing is known of but its VIN. */
  public static Twin unknown(AssetId vin) {
    return new Twin(
        vin, 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Map.of(),
        List.of(), List.of(), Map.of(), StateDocument.EMPTY, StateDocument.EMPTY, Map.of(), List.of(), 0,
        List.of(), Map.of(), 0, 0, Optional.empty(), List.of(), EndOfLife.NONE, Map.of());
  }

  /** Desired entries the car has not reported yet, or reports with another value; sorted by key. */
  public Map<String, String> stateDelta() {
    Map<String, String> delta = new TreeMap<>();
    desired.values().forEach((k, v) -> {
      if (!v.equals(reported.values().get(k))) {
        delta.put(k, v);
      }
    });
    return delta;
  }

  /** The open custody epoch, if anyone holds custody. */
  public Optional<CustodyEpoch> currentEpoch() {
    return custody.isEmpty() || custody.get(custody.size() - 1).until().isPresent()
        ? Optional.empty()
        : Optional.of(custody.get(custody.size() - 1));
  }

  /**
   * The party whose personal data the car produces now: the holder of the most specific open custody
   * role, {@code DRIVER} before {@code LESSEE}, {@code KEEPER}, {@code OWNER} and {@code FLEET}; empty
   * if nobody holds custody.
   */
  public Optional<PartyId> dataSubject() {
    return currentEpoch().flatMap(CustodyEpoch::dataSubject);
  }


  /**
   * The data categories the car may send now: {@code VEHICLE_HEALTH} (not personal) always, and each
   * category the {@link #dataSubject()} consents to.
   */
  public Set<DataCategory> consentedCategories() {
    EnumSet<DataCategory> out = EnumSet.of(DataCategory.VEHICLE_HEALTH);
    dataSubject().ifPresent(subject -> consents.stream()
        .filter(c -> c.party().equals(subject))
        .forEach(c -> out.add(c.category())));
    return Collections.unmodifiableSet(out);
  }

  /** Whether the party's consent to the category is in force. */
  public boolean hasConsent(PartyId party, DataCategory category) {
    return consents.stream().anyMatch(c -> c.party().equals(party) && c.category() == category);
  }
}
