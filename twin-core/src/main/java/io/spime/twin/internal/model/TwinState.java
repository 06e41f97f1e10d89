package io.spime.twin.internal.model;

import io.spime.twin.Twin;
import io.spime.twin.battery.BatteryReading;
import io.spime.twin.battery.EndOfLife;
import io.spime.twin.custody.Consent;
import io.spime.twin.custody.CustodyEpoch;
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
import io.spime.wire.AssetId;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The mutable twin a fold works on; {@link TwinFolder} holds the rules, this only the data. */
final class TwinState {
  final AssetId vin;
  long revision;
  Instant updatedAt;
  VehicleIdentity identity;
  ProductionRecord production;
  LifecyclePhase phase;
  final List<PhaseChange> phaseHistory;
  final Map<String, ComponentInstance> components;
  final List<ReplacedPart> genealogy;
  final List<CustodyEpoch> custody;
  final Map<String, Subscription> subscriptions;
  StateDocument reported;
  StateDocument desired;
  final Map<String, Dtc> openDtcs;
  final Deque<Dtc> recentlyClosed;
  long closedDtcCount;
  final List<ServiceRecord> serviceHistory;
  final Map<String, SoftwareVersion> software;
  long softwareUpdateCount;
  long touchpointCount;
  BatteryReading battery;
  final List<Consent> consents;
  EndOfLife endOfLife;
  final Map<String, CommandState> commands;

  TwinState(Twin t) {
    vin = t.vin();
    revision = t.revision();
    updatedAt = t.updatedAt().orElse(null);
    identity = t.identity().orElse(null);
    production = t.production().orElse(null);
    phase = t.phase().orElse(null);
    phaseHistory = new ArrayList<>(t.phaseHistory());
    components = new TreeMap<>(t.components());
    genealogy = new ArrayList<>(t.genealogy());
    custody = new ArrayList<>(t.custody());
    subscriptions = new TreeMap<>(t.subscriptions());
    reported = t.reported();
    desired = t.desired();
    openDtcs = new TreeMap<>(t.openDtcs());
    recentlyClosed = new ArrayDeque<>(t.recentlyClosedDtcs());
    closedDtcCount = t.closedDtcCount();
    serviceHistory = new ArrayList<>(t.serviceHistory());
    software = new TreeMap<>(t.software());
    softwareUpdateCount = t.softwareUpdateCount();
    touchpointCount = t.touchpointCount();
    battery = t.battery().orElse(null);
    consents = new ArrayList<>(t.consents());
    endOfLife = t.endOfLife();
    commands = new TreeMap<>(t.commands());
  }

  Twin toTwin() {
    return new Twin(
        vin,
        revision,
        Optional.ofNullable(updatedAt),
        Optional.ofNullable(identity),
        Optional.ofNullable(production),
        Optional.ofNullable(phase),
        phaseHistory,
        new LinkedHashMap<>(components),
        genealogy,
        custody,
        subscriptions,
        reported,
        desired,
        openDtcs,
        new ArrayList<>(recentlyClosed),
        closedDtcCount,
        serviceHistory,
        software,
        softwareUpdateCount,
        touchpointCount,
        Optional.ofNullable(battery),
        consents,
        endOfLife,
        commands);
  }

  Optional<LifecyclePhase> phase() {
    return Optional.ofNullable(phase);
  }

  /** The open epoch, or null. */
  CustodyEpoch openEpoch() {
    if (custody.isEmpty()) {
      return null;
    }
    CustodyEpoch last = custody.get(custody.size() - 1);
    return last.until().isEmpty() ? last : null;
  }
}
