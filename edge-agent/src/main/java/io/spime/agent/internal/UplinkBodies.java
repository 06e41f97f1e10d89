package io.spime.agent.internal;

import io.spime.proto.v1.ChargeSessionEvent;
import io.spime.proto.v1.CommandResult;
import io.spime.proto.v1.CrashEvent;
import io.spime.proto.v1.DtcEvent;
import io.spime.proto.v1.EventBatch;
import io.spime.proto.v1.IgnitionEvent;
import io.spime.proto.v1.ReportedState;
import io.spime.proto.v1.SoftwareUpdateEvent;
import io.spime.wire.CollectionPolicy;
import io.spime.wire.CommandOutcome;
import io.spime.wire.ConsentSet;
import io.spime.wire.DriverProfile;
import io.spime.wire.EventDetail;
import io.spime.wire.VehicleEvent;
import io.spime.wire.Vin;
import java.util.Optional;

/** Bodies (without sequence) of event batches and reported state for the outbox. */
final class UplinkBodies {
  private UplinkBodies() {}

  static byte[] event(Vin vin, VehicleEvent event) {
    io.spime.proto.v1.VehicleEvent.Builder proto = io.spime.proto.v1.VehicleEvent.newBuilder()
        .setEventId(event.eventId())
        .setTimeMs(event.timeMillis())
        .setPriorityValue(event.priority().ordinal() + 1)
        .setCategoryValue(event.category().ordinal() + 1)
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
      proto.setCrash(CrashEvent.newBuilder().setPeakG(crash.peakG()).setAirbagsDeployed(crash.airbagsDeployed()));
    } else if (detail instanceof EventDetail.SoftwareUpdate update) {
      proto.setSoftwareUpdate(SoftwareUpdateEvent.newBuilder().setComponent(update.component())
          .setFromVersion(update.fromVersion()).setToVersion(update.toVersion()).setSuccess(update.success()));
    }
    return batch(vin, proto.build());
  }

  static byte[] commandResult(Vin vin, String eventId, long timeMillis, String commandId,
      CommandOutcome outcome) {
    CommandResult.Outcome wire = switch (outcome.status()) {
      case APPLIED -> CommandResult.Outcome.OUTCOME_APPLIED;
      case REJECTED -> CommandResult.Outcome.OUTCOME_REJECTED;
      case EXPIRED -> CommandResult.Outcome.OUTCOME_EXPIRED;
      case FAILED -> CommandResult.Outcome.OUTCOME_FAILED;
    };
    return batch(vin, io.spime.proto.v1.VehicleEvent.newBuilder()
        .setEventId(eventId).setTimeMs(timeMillis)
        .setPriority(io.spime.proto.v1.Priority.PRIORITY_HIGH)
        .setCategory(io.spime.proto.v1.DataCategory.DATA_CATEGORY_VEHICLE_HEALTH)
        .setCommandResult(CommandResult.newBuilder().setCommandId(commandId).setOutcome(wire)
            .setMessage(outcome.message()))
        .build());
  }

  static byte[] reported(Vin vin, long timeMillis, long desiredVersion, String agentVersion,
      CollectionPolicy policy, ConsentSet consent, Optional<DriverProfile> profile) {
    ReportedState.Builder out = ReportedState.newBuilder()
        .setVin(vin.value())
        .setTimeMs(timeMillis)
        .setDesiredVersion(desiredVersion)
        .putSoftwareVersions("spime-agent", agentVersion)
        .setPolicy(PolicyCodec.encode(policy))
        .setConsent(PolicyCodec.encode(consent));
    profile.ifPresent(p -> out.setProfile(DownlinkCodec.encode(p)));
    return out.build().toByteArray();
  }


  private static byte[] batch(Vin vin, io.spime.proto.v1.VehicleEvent event) {
    return EventBatch.newBuilder().setVin(vin.value()).addEvents(event).setEventCount(1).build().toByteArray();
  }
}
