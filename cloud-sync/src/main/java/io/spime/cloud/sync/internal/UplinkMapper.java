package io.spime.cloud.sync.internal;

import io.spime.twin.EventId;
import io.spime.twin.PendingEvent;
import io.spime.twin.Source;
import io.spime.twin.SourceKind;
import io.spime.twin.diagnostics.DtcSeverity;
import io.spime.twin.diagnostics.UpdateOutcome;
import io.spime.twin.event.CommandCompleted;
import io.spime.twin.event.DtcCleared;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.event.ReportedStateChanged;
import io.spime.twin.event.SoftwareUpdated;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.fleet.CarEvent;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.twin.state.CommandStatus;
import io.spime.twin.state.StateDocument;
import io.spime.wire.Priority;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.event.EventBatch;
import io.spime.wire.event.EventDetail;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.state.ReportedState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Turns decoded event batches and reports into what the store applies: car events and twin events. */
final class UplinkMapper {
  static final Source CAR = Source.of(SourceKind.VEHICLE, "spime-agent");

  private final SignalCatalog catalog;

  UplinkMapper(SignalCatalog catalog) {
    this.catalog = catalog;
  }

  UplinkMessage.Events events(EventBatch batch) {
    List<CarEvent> carEvents = new ArrayList<>(batch.events().size());
    List<PendingEvent> twinEvents = new ArrayList<>();
    for (VehicleEvent event : batch.events()) {
      Instant at = Instant.ofEpochMilli(event.timeMillis());
      carEvents.add(new CarEvent(event.eventId(), at, event.category(), event.priority(),
          kindOf(event.detail()), attributes(event)));
      twinEvent(event).ifPresent(twin ->
          twinEvents.add(new PendingEvent(twinEventId(batch.vin(), event.eventId()), at, CAR, twin)));
    }
    return new UplinkMessage.Events(batch.vin(), batch.position(), carEvents, twinEvents);
  }

  UplinkMessage.Events reported(ReportedState report) {
    StateDocument state = new StateDocument(report.timeMillis(), StateEntries.reported(report, catalog));
    PendingEvent event = new PendingEvent(
        twinEventId(report.vin(), "reported/" + report.position().streamId() + "/" + report.position().seq()),
        Instant.ofEpochMilli(report.timeMillis()), CAR, new ReportedStateChanged(state));
    return new UplinkMessage.Events(report.vin(), report.position(), List.of(), List.of(event));
  }

  /** The twin event id of a car's event: the same car event always maps to the same twin event. */
  static EventId twinEventId(AssetId vin, String carEventId) {
    return new EventId(UUID.nameUUIDFromBytes(
        (vin.value() + "/" + carEventId).getBytes(StandardCharsets.UTF_8)));
  }

  private static Optional<TwinEvent> twinEvent(VehicleEvent event) {
    EventDetail detail = event.detail();
    if (detail instanceof EventDetail.Dtc dtc) {
      return Optional.of(dtc.active()
          ? new DtcRaised(dtc.code(), severity(event.priority()), dtc.description())
          : new DtcCleared(dtc.code()));
    }
    if (detail instanceof EventDetail.SoftwareUpdate update) {
      return Optional.of(new SoftwareUpdated(update.component(), update.toVersion(),
          update.success() ? UpdateOutcome.SUCCEEDED : UpdateOutcome.FAILED, Optional.empty()));
    }
    if (detail instanceof EventDetail.CommandResult result) {
      return Optional.of(new CommandCompleted(result.commandId(),
          CommandStatus.valueOf(result.outcome().status().name()), result.outcome().message()));
    }
    return Optional.empty();
  }

  private static DtcSeverity severity(Priority priority) {
    return switch (priority) {
      case CRITICAL -> DtcSeverity.CRITICAL;
      case HIGH -> DtcSeverity.WARNING;
      default -> DtcSeverity.INFO;
    };
  }

  private static String kindOf(EventDetail detail) {
    if (detail instanceof EventDetail.Dtc) {
      return "dtc";
    }
    if (detail instanceof EventDetail.Ignition) {
      return "ignition";
    }
    if (detail instanceof EventDetail.ChargeSession) {
      return "charge_session";
    }
    if (detail instanceof EventDetail.Crash) {
      return "crash";
    }
    if (detail instanceof EventDetail.SoftwareUpdate) {
      return "software_update";
    }
    if (detail instanceof EventDetail.CommandResult) {
      return "command_result";
    }
    return "unknown";
  }

  private static Map<String, String> attributes(VehicleEvent event) {
    Map<String, String> out = new HashMap<>(event.attributes());
    EventDetail detail = event.detail();
    if (detail instanceof EventDetail.Dtc dtc) {
      out.put("code", dtc.code());
      out.put("ecu", dtc.ecu());
      out.put("active", Boolean.toString(dtc.active()));
      out.put("description", dtc.description());
    } else if (detail instanceof EventDetail.Ignition ignition) {
      out.put("on", Boolean.toString(ignition.on()));
    } else if (detail instanceof EventDetail.ChargeSession charge) {
      out.put("started", Boolean.toString(charge.started()));
      out.put("energyWh", Double.toString(charge.energyWh()));
      out.put("stateOfChargePercent", Double.toString(charge.stateOfChargePercent()));
    } else if (detail instanceof EventDetail.Crash crash) {
      out.put("peakG", Double.toString(crash.peakG()));
      out.put("airbagsDeployed", Boolean.toString(crash.airbagsDeployed()));
    } else if (detail instanceof EventDetail.SoftwareUpdate update) {
      out.put("component", update.component());
      out.put("fromVersion", update.fromVersion());
      out.put("toVersion", update.toVersion());
      out.put("success", Boolean.toString(update.success()));
    } else if (detail instanceof EventDetail.CommandResult result) {
      out.put("commandId", result.commandId());
      out.put("outcome", result.outcome().status().name());
      out.put("message", result.outcome().message());
    }
    return out;
  }
}
