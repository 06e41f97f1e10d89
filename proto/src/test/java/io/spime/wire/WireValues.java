package io.spime.wire;

import static io.spime.wire.Fixtures.POSITION;
import static io.spime.wire.Fixtures.T0;
import static io.spime.wire.Fixtures.VIN;

import io.spime.wire.event.EventBatch;
import io.spime.wire.event.EventDetail;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.Command;
import io.spime.wire.state.CommandOutcome;
import io.spime.wire.state.ConsentSet;
import io.spime.wire.state.DesiredState;
import io.spime.wire.state.DriverProfile;
import io.spime.wire.state.ReportedState;
import io.spime.wire.state.SignalRule;
import io.spime.wire.telemetry.SignalValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Event and state values for the codec tests: every event kind, every part of state. */
final class WireValues {
  private WireValues() {}

  /** One event of every kind, with every outcome of a command result. */
  static List<VehicleEvent> everyKind() {
    return List.of(
        new VehicleEvent("e-dtc", T0, Priority.HIGH, DataCategory.VEHICLE_HEALTH,
            new EventDetail.Dtc("P0301", "ECM", true, "cylinder 1 misfire"), Map.of("odometer", "12345")),
        new VehicleEvent("e-ign", T0 + 1, Priority.LOW, DataCategory.USAGE,
            new EventDetail.Ignition(true), Map.of()),
        new VehicleEvent("e-chg", T0 + 2, Priority.NORMAL, DataCategory.USAGE,
            new EventDetail.ChargeSession(false, 41_250.5, 87.5), Map.of("station", "DE*ABC*E1")),
        new VehicleEvent("e-crash", T0 + 3, Priority.CRITICAL, DataCategory.VEHICLE_HEALTH,
            new EventDetail.Crash(8.75, true), Map.of()),
        new VehicleEvent("e-sw", T0 + 4, Priority.HIGH, DataCategory.VEHICLE_HEALTH,
            new EventDetail.SoftwareUpdate("tcu", "4.2.0", "4.2.1", false), Map.of()),
        result("e-cmd-1", CommandOutcome.Status.APPLIED, ""),
        result("e-cmd-2", CommandOutcome.Status.REJECTED, "this car has no actuator sink"),
        result("e-cmd-3", CommandOutcome.Status.EXPIRED, "expired at 1"),
        result("e-cmd-4", CommandOutcome.Status.FAILED, "seat motor jammed"),
        new VehicleEvent("e-new", T0 + 9, Priority.NORMAL, DataCategory.LOCATION,
            new EventDetail.Unrecognized(), Map.of("kind", "geofence_exit", "zone", "depot-3")));
  }

  static EventBatch batch() {
    return new EventBatch(VIN, POSITION, everyKind());
  }

  static CollectionPolicy policy() {
    return new CollectionPolicy(7, Map.of(
        1, SignalRule.onChange(0.5).withPriority(Priority.HIGH),
        2, SignalRule.periodic(Duration.ofSeconds(30)),
        3, SignalRule.off(),
        4, SignalRule.everySample().withPriority(Priority.LOW)));
  }

  static DriverProfile profile() {
    return new DriverProfile("cust-42", 40, 55.5, 20, 21.5, List.of("radio-1", "podcast-7"),
        Map.of("mirror.left", SignalValue.of(12.0), "heated.seat", SignalValue.of(true),
            "language", SignalValue.of("de-DE")));
  }

  static ConsentSet consent() {
    return ConsentSet.of(DataCategory.VEHICLE_HEALTH, DataCategory.LOCATION);
  }

  static ReportedState reported() {
    return new ReportedState(VIN, POSITION, T0, 5, Map.of("spime-agent", "0.1.0", "tcu", "4.2.1"),
        Map.of("battery.soh", SignalValue.of(97.5), "locked", SignalValue.of(true)),
        Optional.of(policy()), Optional.of(consent()), Optional.of(profile()));
  }

  static ReportedState bareReported() {
    return new ReportedState(VIN, POSITION, T0, 0, Map.of(), Map.of(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  static DesiredState desired() {
    return new DesiredState(9, Optional.of(policy()), Optional.of(consent()), Optional.of(profile()));
  }

  static Command applyProfile() {
    return new Command("cmd-7", Command.Kind.APPLY_PROFILE, T0, T0 + 60_000, Optional.of(profile()));
  }

  private static VehicleEvent result(String id, CommandOutcome.Status status, String message) {
    return new VehicleEvent(id, T0 + 5, Priority.HIGH, DataCategory.VEHICLE_HEALTH,
        new EventDetail.CommandResult("cmd-" + id, new CommandOutcome(status, message)), Map.of());
  }
}
