package io.spime.twin.bench;

import io.spime.twin.PendingEvent;
import io.spime.twin.Source;
import io.spime.twin.SourceKind;
import io.spime.twin.battery.BatteryCondition;
import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.PartyId;
import io.spime.twin.customer.TouchpointKind;
import io.spime.twin.diagnostics.DtcSeverity;
import io.spime.twin.diagnostics.UpdateOutcome;
import io.spime.twin.event.BatteryMeasured;
import io.spime.twin.event.ConsentGranted;
import io.spime.twin.event.ConsentRevoked;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.DesiredStateChanged;
import io.spime.twin.event.DtcCleared;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.event.PhaseChanged;
import io.spime.twin.event.ReportedStateChanged;
import io.spime.twin.event.ServiceVisited;
import io.spime.twin.event.SoftwareUpdated;
import io.spime.twin.event.TouchpointRecorded;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.event.VehicleProduced;
import io.spime.twin.identity.ComponentInstance;
import io.spime.twin.identity.ComponentReplacement;
import io.spime.twin.identity.MaterialContent;
import io.spime.twin.identity.Powertrain;
import io.spime.twin.identity.ProductionRecord;
import io.spime.twin.identity.VehicleIdentity;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.twin.state.StateDocument;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generates a plausible, rule-abiding life of one car: DTCs raised and cleared, battery readings,
 * reported and desired state, touchpoints, software updates, consent changes and a service visit
 * every 3,000 events, one event every {@code step}.
 */
public final class LifeGenerator {
  private static final Source CAR = Source.of(SourceKind.VEHICLE, "tcu");
  private static final Source BACKEND = Source.of(SourceKind.BACKEND, "ota");

  private final AssetId vin;
  private final Duration step;
  private Instant now;
  private long index;
  private long stateVersion;
  private long desiredVersion;
  private int batterySerial = 1;
  private final Deque<String> openDtcs = new ArrayDeque<>();
  private boolean consent;

  public LifeGenerator(AssetId vin, Instant start, Duration step) {
    this.vin = vin;
    this.now = start;
    this.step = step;
  }

  public Instant now() {
    return now;
  }

  /** Production to the first owner: 5 events. */
  public List<PendingEvent> birth() {
    List<PendingEvent> out = new ArrayList<>();
    out.add(at(Source.of(SourceKind.FACTORY, "ZWI"), new VehicleProduced(
        new VehicleIdentity(vin, "Volta", "E1", 2024, Powertrain.BEV),
        new ProductionRecord("ZWI", now, List.of(battery(), new ComponentInstance("inverter", "INV-3", "I-1", "PowerCo",
            Optional.of("1.0"))), List.of(new MaterialContent("lithium", 8.2, 0.12)), 9800))));
    out.add(at(BACKEND, new PhaseChanged(LifecyclePhase.IN_TRANSIT, "shipped")));
    out.add(at(BACKEND, new PhaseChanged(LifecyclePhase.IN_STOCK, "stocked")));
    out.add(at(BACKEND, new PhaseChanged(LifecyclePhase.IN_SERVICE, "sold")));
    out.add(at(BACKEND, new CustodyStarted(CustodyRole.OWNER, PartyId.of("owner-" + vin.value()), Optional.empty())));
    return out;
  }

  public List<PendingEvent> next(int n) {
    List<PendingEvent> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(at(index % 10 < 5 ? CAR : BACKEND, event()));
      index++;
    }
    return out;
  }

  private TwinEvent event() {
    if (index % 3000 == 2999) {
      String removed = "B-" + (batterySerial - 1);
      ComponentInstance fresh = battery();
      return new ServiceVisited("Workshop 7", index / 10, List.of("inspection", "battery swap"),
          List.of(new ComponentReplacement("traction-battery", removed, fresh, "capacity fade")));
    }
    switch ((int) (index % 10)) {
      case 0:
        if (openDtcs.size() < 3) {
          String code = "P" + (1000 + index % 97);
          if (!openDtcs.contains(code)) {
            openDtcs.add(code);
            return new DtcRaised(code, DtcSeverity.WARNING, "generated fault " + code);
          }
        }
        return new DtcCleared(openDtcs.removeFirst());
      case 1:
        return openDtcs.isEmpty() ? battery(index) : new DtcCleared(openDtcs.removeFirst());
      case 2:
      case 3:
        return battery(index);
      case 4:
      case 5:
        return new ReportedStateChanged(new StateDocument(++stateVersion,
            Map.of("policy", "v" + (stateVersion / 7), "profile", "p-1", "sw.bms", "5." + stateVersion % 9)));
      case 6:
        return new TouchpointRecorded(TouchpointKind.APP, Optional.of(PartyId.of("owner-" + vin.value())), "ok",
            Optional.of("checked charge state"));
      case 7:
        return new SoftwareUpdated("ecu" + index % 5, "7." + index, UpdateOutcome.SUCCEEDED, Optional.of("C-" + index / 1000));
      case 8:
        return new DesiredStateChanged(new StateDocument(++desiredVersion, Map.of("policy", "v" + (desiredVersion / 7))));
      default:
        consent = !consent;
        PartyId insurer = PartyId.of("insurer-1");
        return consent ? new ConsentGranted(insurer, DataCategory.DRIVING_BEHAVIOUR)
            : new ConsentRevoked(insurer, DataCategory.DRIVING_BEHAVIOUR);
    }
  }

  private TwinEvent battery(long i) {
    double soh = Math.max(60, 100 - i / 5000.0);
    return new BatteryMeasured(new BatteryCondition(soh, i / 20, 80 * soh / 100));
  }

  private ComponentInstance battery() {
    return new ComponentInstance("traction-battery", "BAT-77", "B-" + batterySerial++, "CellCo", Optional.of("4.2"));
  }

  private PendingEvent at(Source source, TwinEvent event) {
    PendingEvent p = PendingEvent.of(now, source, event);
    now = now.plus(step);
    return p;
  }
}
