package io.spime.wire.event;

import io.spime.wire.state.Command;
import io.spime.wire.state.CommandOutcome;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What happened in a {@link VehicleEvent}: one of the event kinds of wire protocol v1, or {@link
 * Unrecognized} for a kind a newer writer knows and this version does not.
 */
public sealed interface EventDetail {

  /** A diagnostic trouble code (SAE J2012, such as {@code P0301}) set or cleared by an ECU. */
  record Dtc(String code, String ecu, boolean active, String description) implements EventDetail {
    private static final Pattern CODE = Pattern.compile("[PCBU][0-9A-F]{4}");

    public Dtc {
      Objects.requireNonNull(code, "code");
      if (!CODE.matcher(code).matches()) {
        throw new IllegalArgumentException("DTC code must look like P0301, was '" + code + "'");
      }
      Objects.requireNonNull(ecu, "ecu");
      Objects.requireNonNull(description, "description");
    }
  }

  /** Ignition switched on or off. */
  record Ignition(boolean on) implements EventDetail {}

  /** A charging session started or ended. */
  record ChargeSession(boolean started, double energyWh, double stateOfChargePercent)
      implements EventDetail {
    public ChargeSession {
      if (!Double.isFinite(energyWh) || energyWh < 0) {
        throw new IllegalArgumentException("energyWh must be a finite number >= 0, was " + energyWh);
      }
      if (!(stateOfChargePercent >= 0 && stateOfChargePercent <= 100)) {
        throw new IllegalArgumentException(
            "stateOfChargePercent must be 0..100, was " + stateOfChargePercent);
      }
    }
  }

  /** A crash: peak deceleration in g and whether airbags deployed. */
  record Crash(double peakG, boolean airbagsDeployed) implements EventDetail {
    public Crash {
      if (!Double.isFinite(peakG) || peakG < 0) {
        throw new IllegalArgumentException("peakG must be a finite number >= 0, was " + peakG);
      }
    }
  }

  /** A software update of one component, successful or not. */
  record SoftwareUpdate(String component, String fromVersion, String toVersion, boolean success)
      implements EventDetail {
    public SoftwareUpdate {
      Objects.requireNonNull(component, "component");
      Objects.requireNonNull(fromVersion, "fromVersion");
      Objects.requireNonNull(toVersion, "toVersion");
    }
  }

  /** The result of a {@link Command}, as the car sends it back. */
  record CommandResult(String commandId, CommandOutcome outcome) implements EventDetail {
    public CommandResult {
      Objects.requireNonNull(commandId, "commandId");
      if (commandId.isBlank()) {
        throw new IllegalArgumentException("commandId must not be blank");
      }
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /**
   * An event of a kind this version does not know (none, or one added after it); the event's
   * attributes carry what there is to know.
   */
  record Unrecognized() implements EventDetail {}
}
