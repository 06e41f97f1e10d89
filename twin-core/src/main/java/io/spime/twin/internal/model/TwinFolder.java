package io.spime.twin.internal.model;

import io.spime.twin.Twin;
import io.spime.twin.battery.BatteryReading;
import io.spime.twin.battery.EndOfLife;
import io.spime.twin.custody.Consent;
import io.spime.twin.diagnostics.Dtc;
import io.spime.twin.diagnostics.ServiceRecord;
import io.spime.twin.diagnostics.SoftwareVersion;
import io.spime.twin.diagnostics.UpdateOutcome;
import io.spime.twin.event.BatteryMeasured;
import io.spime.twin.event.CommandCompleted;
import io.spime.twin.event.CommandIssued;
import io.spime.twin.event.ConsentGranted;
import io.spime.twin.event.ConsentRevoked;
import io.spime.twin.event.CustodyEnded;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.Deregistered;
import io.spime.twin.event.DesiredStateChanged;
import io.spime.twin.event.Dismantled;
import io.spime.twin.event.DtcCleared;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.event.PhaseChanged;
import io.spime.twin.event.Recycled;
import io.spime.twin.event.ReportedStateChanged;
import io.spime.twin.event.ServiceVisited;
import io.spime.twin.event.SoftwareUpdated;
import io.spime.twin.event.SubscriptionEnded;
import io.spime.twin.event.SubscriptionRenewed;
import io.spime.twin.event.SubscriptionStarted;
import io.spime.twin.event.TouchpointRecorded;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.event.VehicleProduced;
import io.spime.twin.exceptions.IllegalTransitionException;
import io.spime.twin.exceptions.InvalidEventException;
import io.spime.twin.exceptions.OutOfOrderEventException;
import io.spime.twin.exceptions.StaleStateVersionException;
import io.spime.twin.identity.ComponentInstance;
import io.spime.twin.identity.ComponentReplacement;
import io.spime.twin.identity.ReplacedPart;
import io.spime.wire.AssetKind;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.twin.lifecycle.PhaseChange;
import io.spime.twin.state.CommandState;
import io.spime.twin.state.StateDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Folds events into a twin, enforcing the twin's rules: the lifecycle state machine, the order of
 * events, custody only in service, DTCs, part genealogy, state versions. A fold either applies every
 * event or throws; callers start from a copy, so a refused event leaves nothing behind.
 */
public final class TwinFolder {
  private static final Set<LifecyclePhase> CLOSED_PHASES =
      EnumSet.of(LifecyclePhase.DISMANTLED, LifecyclePhase.RECYCLED);

  private final TwinState s;
  private final CustodyRules custody;

  private TwinFolder(Twin start) {
    this.s = new TwinState(start);
    this.custody = new CustodyRules(s);
  }

  /** A folder starting from this twin (which is not modified). */
  public static TwinFolder from(Twin start) {
    return new TwinFolder(start);
  }

  /** The twin folded so far. */
  public Twin twin() {
    return s.toTwin();
  }

  /** The revision folded so far. */
  public long revision() {
    return s.revision;
  }

  /**
   * Applies one event as the given revision.
   *
   * @throws InvalidEventException (or a subclass) if the event breaks a rule
   */
  public void apply(long revision, Instant at, TwinEvent event) {
    if (revision != s.revision + 1) {
      throw new IllegalStateException("revision " + revision + " folded onto revision " + s.revision);
    }
    if (s.updatedAt != null && at.isBefore(s.updatedAt)) {
      throw new OutOfOrderEventException(
          event.getClass().getSimpleName() + " of " + s.vin + " happened at " + at
              + ", before the twin's latest event at " + s.updatedAt
              + "; events are appended in the order they happened");
    }
    if (s.phase == null && !(event instanceof VehicleProduced)) {
      throw new IllegalTransitionException(
          Optional.empty(), "record " + name(event), "the first event of a twin must be VehicleProduced");
    }
    if (s.phase != null && CLOSED_PHASES.contains(s.phase) && !(event instanceof Recycled)) {
      throw new IllegalTransitionException(
          s.phase(), "record " + name(event), "the car no longer exists as a vehicle");
    }
    dispatch(at, event);
    s.revision = revision;
    s.updatedAt = at;
  }

  private void dispatch(Instant at, TwinEvent event) {
    if (event instanceof VehicleProduced) {
      produced(at, (VehicleProduced) event);
    } else if (event instanceof PhaseChanged) {
      phaseChanged(at, (PhaseChanged) event);
    } else if (event instanceof Deregistered) {
      Deregistered d = (Deregistered) event;
      move(at, LifecyclePhase.DEREGISTERED);
      s.endOfLife = withEndOfLife(Optional.of(at), Optional.of(d.authority()), s.endOfLife.dismantledAt(),
          s.endOfLife.dismantler(), s.endOfLife.batteryFate(), List.of());
    } else if (event instanceof Dismantled) {
      Dismantled d = (Dismantled) event;
      move(at, LifecyclePhase.DISMANTLED);
      s.endOfLife = withEndOfLife(s.endOfLife.deregisteredAt(), s.endOfLife.authority(), Optional.of(at),
          Optional.of(d.facility()), d.batteryFate(), d.recovered());
    } else if (event instanceof Recycled) {
      Recycled r = (Recycled) event;
      move(at, LifecyclePhase.RECYCLED);
      EndOfLife e = s.endOfLife;
      List<io.spime.twin.battery.RecoveredMaterial> all = new ArrayList<>(e.recovered());
      all.addAll(r.recovered());
      s.endOfLife = new EndOfLife(e.deregisteredAt(), e.authority(), e.dismantledAt(), e.dismantler(),
          e.batteryFate(), Optional.of(at), Optional.of(r.recycler()), all);
    } else if (event instanceof CustodyStarted) {
      custody.custodyStarted(at, (CustodyStarted) event);
    } else if (event instanceof CustodyEnded) {
      custody.custodyEnded(at, (CustodyEnded) event);
    } else if (event instanceof SubscriptionStarted || event instanceof SubscriptionRenewed
        || event instanceof SubscriptionEnded) {
      custody.subscription(event);
    } else if (event instanceof ReportedStateChanged) {
      s.reported = newer("reported", s.reported, ((ReportedStateChanged) event).state());
    } else if (event instanceof DesiredStateChanged) {
      s.desired = newer("desired", s.desired, ((DesiredStateChanged) event).state());
    } else if (event instanceof DtcRaised) {
      dtcRaised(at, (DtcRaised) event);
    } else if (event instanceof DtcCleared) {
      dtcCleared(at, (DtcCleared) event);
    } else if (event instanceof ServiceVisited) {
      serviceVisited(at, (ServiceVisited) event);
    } else if (event instanceof SoftwareUpdated) {
      SoftwareUpdated u = (SoftwareUpdated) event;
      s.softwareUpdateCount++;
      if (u.outcome() == UpdateOutcome.SUCCEEDED) {
        s.software.put(u.ecu(), new SoftwareVersion(u.ecu(), u.toVersion(), at));
      }
    } else if (event instanceof TouchpointRecorded) {
      s.touchpointCount++;
    } else if (event instanceof BatteryMeasured) {
      s.battery = new BatteryReading(at, ((BatteryMeasured) event).condition());
    } else if (event instanceof ConsentGranted) {
      ConsentGranted g = (ConsentGranted) event;
      boolean held = s.consents.stream().anyMatch(c -> c.party().equals(g.party()) && c.category() == g.category());
      if (!held) {
        s.consents.add(new Consent(g.party(), g.category(), at));
      }
    } else if (event instanceof CommandIssued) {
      commandIssued(at, (CommandIssued) event);
    } else if (event instanceof CommandCompleted) {
      s.commands.remove(((CommandCompleted) event).commandId());
    } else if (event instanceof ConsentRevoked) {
      ConsentRevoked r = (ConsentRevoked) event;
      s.consents.removeIf(c -> c.party().equals(r.party()) && c.category() == r.category());
    } else {
      throw new InvalidEventException("no rule folds " + name(event));
    }
  }

  private void produced(Instant at, VehicleProduced p) {
    if (s.phase != null) {
      throw new IllegalTransitionException(s.phase(), "record VehicleProduced", "the car was produced already");
    }
    if (!p.identity().vin().equals(s.vin)) {
      throw new InvalidEventException(
          "VehicleProduced names VIN " + p.identity().vin() + " but is appended to " + s.vin);
    }
    s.identity = p.identity();
    s.production = p.production();
    for (ComponentInstance c : p.production().components()) {
      s.components.put(c.slot(), c);
    }
    s.phase = LifecyclePhase.PRODUCED;
    s.phaseHistory.add(new PhaseChange(LifecyclePhase.PRODUCED, at, s.revision + 1));
  }

  private void phaseChanged(Instant at, PhaseChanged c) {
    switch (c.to()) {
      case PRODUCED:
        throw new IllegalTransitionException(s.phase(), "move to PRODUCED", "only VehicleProduced enters PRODUCED");
      case DEREGISTERED:
      case DISMANTLED:
      case RECYCLED:
        throw new IllegalTransitionException(s.phase(), "move to " + c.to(),
            "end-of-life phases are entered with Deregistered, Dismantled and Recycled, which carry their records");
      default:
        move(at, c.to());
    }
  }

  private void move(Instant at, LifecyclePhase to) {
    AssetKind kind = s.identity == null ? AssetKind.CAR : s.identity.kind();
    if (!to.appliesTo(kind)) {
      throw new IllegalTransitionException(s.phase(), "move to " + to,
          kind.named() + " is never " + to + " (it is not registered)");
    }
    Set<LifecyclePhase> next = s.phase.next(kind);
    if (!next.contains(to)) {
      throw new IllegalTransitionException(s.phase(), "move to " + to,
          next.isEmpty() ? s.phase + " is the last phase" : "allowed moves are to " + next);
    }
    s.phase = to;
    s.phaseHistory.add(new PhaseChange(to, at, s.revision + 1));
  }

  private StateDocument newer(String which, StateDocument current, StateDocument next) {
    if (next.version() <= current.version()) {
      throw new StaleStateVersionException(
          which + " state version " + next.version() + " of " + s.vin + " is not newer than version "
              + current.version());
    }
    return next;
  }

  private void dtcRaised(Instant at, DtcRaised r) {
    if (s.openDtcs.containsKey(r.code())) {
      throw new InvalidEventException("DTC " + r.code() + " of " + s.vin + " is open already");
    }
    s.openDtcs.put(r.code(), new Dtc(r.code(), r.severity(), r.description(), at, Optional.empty()));
  }

  private void dtcCleared(Instant at, DtcCleared c) {
    Dtc open = s.openDtcs.remove(c.code());
    if (open == null) {
      throw new InvalidEventException("DTC " + c.code() + " of " + s.vin + " is not open");
    }
    s.recentlyClosed.addLast(new Dtc(open.code(), open.severity(), open.description(), open.raisedAt(), Optional.of(at)));
    while (s.recentlyClosed.size() > Twin.RECENT_CLOSED_DTCS) {
      s.recentlyClosed.removeFirst();
    }
    s.closedDtcCount++;
  }

  private void commandIssued(Instant at, CommandIssued c) {
    if (s.commands.containsKey(c.commandId())) {
      throw new InvalidEventException("command " + c.commandId() + " of " + s.vin + " is open already");
    }
    if (!c.expiresAt().isAfter(at)) {
      throw new InvalidEventException("command " + c.commandId() + " of " + s.vin + " expires at " + c.expiresAt()
          + ", not after it is issued at " + at);
    }
    s.commands.put(c.commandId(), new CommandState(c.commandId(), c.kind(), at, c.expiresAt(), c.parameters()));
  }

  private void serviceVisited(Instant at, ServiceVisited v) {
    for (ComponentReplacement r : v.replacements()) {
      ComponentInstance fitted = s.components.get(r.slot());
      if (fitted == null) {
        throw new InvalidEventException("service of " + s.vin + " replaces slot " + r.slot() + ", which the car does not have");
      }
      if (!fitted.serial().equals(r.removedSerial())) {
        throw new InvalidEventException("service of " + s.vin + " removes serial " + r.removedSerial()
            + " from slot " + r.slot() + ", but serial " + fitted.serial() + " is fitted there");
      }
      s.components.put(r.slot(), r.installed());
      s.genealogy.add(new ReplacedPart(at, fitted, r.installed(), r.reason()));
    }
    s.serviceHistory.add(new ServiceRecord(at, v.workshop(), v.odometerKm(), v.work(), v.replacements()));
  }

  private static EndOfLife withEndOfLife(Optional<Instant> deregisteredAt, Optional<String> authority,
      Optional<Instant> dismantledAt, Optional<String> dismantler,
      Optional<io.spime.twin.battery.BatteryFate> fate, List<io.spime.twin.battery.RecoveredMaterial> recovered) {
    return new EndOfLife(deregisteredAt, authority, dismantledAt, dismantler, fate, Optional.empty(),
        Optional.empty(), recovered);
  }

  private static String name(TwinEvent e) {
    return e.getClass().getSimpleName();
  }
}
