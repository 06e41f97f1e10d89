package io.spime.wire.internal;

import io.spime.proto.v1.ChargeSessionEvent;
import io.spime.proto.v1.CrashEvent;
import io.spime.proto.v1.DtcEvent;
import io.spime.proto.v1.IgnitionEvent;
import io.spime.proto.v1.SoftwareUpdateEvent;
import io.spime.wire.DataCategory;
import io.spime.wire.MalformedPayloadException;
import io.spime.wire.Priority;
import io.spime.wire.event.EventDetail;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.state.CommandOutcome;

/** Vehicle events between their record and protobuf. */
public final class EventProtos {
  /** Longest command id a command result may answer, as the twin keeps them. */
  private static final int MAX_COMMAND_ID_LENGTH = 128;

  private EventProtos() {}

  public static io.spime.proto.v1.VehicleEvent encode(VehicleEvent event) {
    io.spime.proto.v1.VehicleEvent.Builder proto = io.spime.proto.v1.VehicleEvent.newBuilder()
        .setEventId(event.eventId())
        .setTimeMs(event.timeMillis())
        .setPriorityValue(Enums.number(event.priority()))
        .setCategoryValue(Enums.number(event.category()))
        .putAllAttributes(event.attributes());
    EventDetail detail = event.detail();
    if (detail instanceof EventDetail.Dtc dtc) {
      proto.setDtc(DtcEvent.newBuilder().setCode(dtc.code()).setEcu(dtc.ecu())
          .setActive(dtc.active()).setDescription(dtc.description()));
    } else if (detail instanceof EventDetail.Ignition ignition) {
      proto.setIgnition(IgnitionEvent.newBuilder().setOn(ignition.on()));
    } else if (detail instanceof EventDetail.ChargeSession charge) {
      proto.setChargeSession(ChargeSessionEvent.newBuilder().setStarted(charge.started())
          .setEnergyWh(charge.energyWh()).setStateOfChargePercent(charge.stateOfChargePercent()));
    } else if (detail instanceof EventDetail.Crash crash) {
      proto.setCrash(CrashEvent.newBuilder().setPeakG(crash.peakG())
          .setAirbagsDeployed(crash.airbagsDeployed()));
    } else if (detail instanceof EventDetail.SoftwareUpdate update) {
      proto.setSoftwareUpdate(SoftwareUpdateEvent.newBuilder().setComponent(update.component())
          .setFromVersion(update.fromVersion()).setToVersion(update.toVersion())
          .setSuccess(update.success()));
    } else if (detail instanceof EventDetail.CommandResult result) {
      proto.setCommandResult(io.spime.proto.v1.CommandResult.newBuilder()
          .setCommandId(result.commandId())
          // OUTCOME_APPLIED = 1 ... OUTCOME_FAILED = 4, in the order of CommandOutcome.Status
          .setOutcomeValue(result.outcome().status().ordinal() + 1)
          .setMessage(result.outcome().message()));
    }
    return proto.build();
  }

  /**
   * A checked event; {@code where} names its batch ("event batch 42 of VIN"). An unspecified
   * priority becomes the kind's default (that of {@link VehicleEvent#of}).
   *
   * @throws MalformedPayloadException naming the event and what is wrong with it
   */
  public static VehicleEvent decode(io.spime.proto.v1.VehicleEvent proto, int index, String where) {
    String id = proto.getEventId();
    String what = "event " + index + " of " + where;
    if (id.isBlank() || id.length() > 128) {
      throw new MalformedPayloadException(what + " has an event id of " + id.length()
          + " characters" + (id.isEmpty() ? "" : " (blank or too long)")
          + "; ids are 1..128 characters, not blank");
    }
    what = "event " + index + " ('" + id + "') of " + where;
    Parsing.requireTime(proto.getTimeMs(), what);
    DataCategory category = Enums.category(proto.getCategoryValue(), what);
    try {
      EventDetail detail = detail(proto, what);
      Priority priority = Enums.priority(proto.getPriorityValue(), what)
          .orElseGet(() -> EventDefaults.priority(detail));
      return new VehicleEvent(id, proto.getTimeMs(), priority, category, detail,
          proto.getAttributesMap());
    } catch (IllegalArgumentException e) {
      throw new MalformedPayloadException(what + ": " + e.getMessage(), e);
    }
  }

  private static EventDetail detail(io.spime.proto.v1.VehicleEvent proto, String what) {
    return switch (proto.getKindCase()) {
      case DTC -> new EventDetail.Dtc(proto.getDtc().getCode(), proto.getDtc().getEcu(),
          proto.getDtc().getActive(), proto.getDtc().getDescription());
      case IGNITION -> new EventDetail.Ignition(proto.getIgnition().getOn());
      case CHARGE_SESSION -> new EventDetail.ChargeSession(proto.getChargeSession().getStarted(),
          proto.getChargeSession().getEnergyWh(),
          proto.getChargeSession().getStateOfChargePercent());
      case CRASH -> new EventDetail.Crash(
          proto.getCrash().getPeakG(), proto.getCrash().getAirbagsDeployed());
      case SOFTWARE_UPDATE -> new EventDetail.SoftwareUpdate(
          proto.getSoftwareUpdate().getComponent(), proto.getSoftwareUpdate().getFromVersion(),
          proto.getSoftwareUpdate().getToVersion(), proto.getSoftwareUpdate().getSuccess());
      case COMMAND_RESULT -> commandResult(proto.getCommandResult(), what);
      case KIND_NOT_SET -> new EventDetail.Unrecognized();
    };
  }

  private static EventDetail commandResult(io.spime.proto.v1.CommandResult proto, String what) {
    int idLength = proto.getCommandId().length();
    if (idLength > MAX_COMMAND_ID_LENGTH) {
      throw new MalformedPayloadException(what + " answers a command id of " + idLength
          + " characters; ids are 1.." + MAX_COMMAND_ID_LENGTH + " characters");
    }
    int outcome = proto.getOutcomeValue();
    if (outcome < 1 || outcome > CommandOutcome.Status.values().length) {
      throw new MalformedPayloadException(
          what + " has command result outcome " + outcome + ", not one this version knows");
    }
    return new EventDetail.CommandResult(proto.getCommandId(),
        new CommandOutcome(CommandOutcome.Status.values()[outcome - 1], proto.getMessage()));
  }
}
