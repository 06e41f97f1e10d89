package io.spime.twin;

import io.spime.twin.custody.CustodyRole;
import io.spime.twin.custody.PartyId;
import io.spime.twin.event.CustodyStarted;
import io.spime.twin.event.PhaseChanged;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.event.VehicleProduced;
import io.spime.twin.identity.ComponentInstance;
import io.spime.twin.identity.MaterialContent;
import io.spime.twin.identity.Powertrain;
import io.spime.twin.identity.ProductionRecord;
import io.spime.twin.identity.VehicleIdentity;
import io.spime.twin.ingest.IngestSink;
import io.spime.twin.ingest.UplinkApplyResult;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.AssetId;
import io.spime.wire.telemetry.TelemetryBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the events of a typical car's life for tests. */
public final class Fixtures {
  static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");
  static final Source FACTORY = Source.of(SourceKind.FACTORY, "ZWI");
  static final Source DEALER = Source.of(SourceKind.DEALER, "D-0042");
  static final Source CAR = Source.of(SourceKind.VEHICLE, "tcu");

  private Fixtures() {}

  static ComponentInstance battery(String serial) {
    return new ComponentInstance("traction-battery", "BAT-77", serial, "CellCo", Optional.of("4.2.1"));
  }

  static VehicleProduced produced(AssetId vin) {
    return produced(vin, "Volta", "E1", 2024);
  }

  static VehicleProduced produced(AssetId vin, String make, String model, int year) {
    return new VehicleProduced(
        new VehicleIdentity(vin, make, model, year, Powertrain.BEV),
        new ProductionRecord(
            "ZWI",
            T0.minusSeconds(3600),
            List.of(
                battery("B-0001"),
                new ComponentInstance("inverter", "INV-3", "I-0001", "PowerCo", Optional.of("1.0"))),
            List.of(new MaterialContent("lithium", 8.2, 0.12), new MaterialContent("cobalt", 4.1, 0.16)),
            9_800.0));
  }

  /** An event every minute from {@link #T0}. */
  static List<PendingEvent> timeline(Source source, TwinEvent... events) {
    return timeline(T0, source, events);
  }

  static List<PendingEvent> timeline(Instant start, Source source, TwinEvent... events) {
    List<PendingEvent> out = new ArrayList<>();
    for (int i = 0; i < events.length; i++) {
      out.add(PendingEvent.of(start.plusSeconds(60L * i), source, events[i]));
    }
    return out;
  }

  /** Produced, shipped, stocked, sold: revision 4, IN_SERVICE, from T0 to T0 + 3 min. */
  static List<PendingEvent> deliveredCar(AssetId vin) {
    return timeline(
        FACTORY,
        produced(vin),
        new PhaseChanged(LifecyclePhase.IN_TRANSIT, "shipped"),
        new PhaseChanged(LifecyclePhase.IN_STOCK, "arrived at dealer"),
        new PhaseChanged(LifecyclePhase.IN_SERVICE, "sold"));
  }

  static CustodyStarted owner(String party) {
    return new CustodyStarted(CustodyRole.OWNER, PartyId.of(party), Optional.empty());
  }

  /** Applies telemetry batches alone through the ingest's sink, as the ingest would. */
  public static UplinkApplyResult applyTelemetry(IngestSink store, List<TelemetryBatch> batches) {
    return store.applyUplink(batches.stream().<UplinkMessage>map(UplinkMessage.Telemetry::new).toList());
  }
}
