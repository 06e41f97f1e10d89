package io.spime.twin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.battery.BatteryCondition;
import io.spime.twin.customer.TouchpointKind;
import io.spime.twin.diagnostics.DtcSeverity;
import io.spime.twin.diagnostics.UpdateOutcome;
import io.spime.twin.event.BatteryMeasured;
import io.spime.twin.event.DtcCleared;
import io.spime.twin.event.DtcRaised;
import io.spime.twin.event.ReportedStateChanged;
import io.spime.twin.event.ServiceVisited;
import io.spime.twin.event.SoftwareUpdated;
import io.spime.twin.event.TouchpointRecorded;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.twin.state.StateDocument;
import io.spime.wire.StreamPosition;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.catalog.SignalType;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures what one vehicle-year costs in the store with the default rollups: every signal of the
 * built-in catalog sampled during two hours of driving a day, plus a year of twin events (weekly state
 * reports, monthly battery readings, faults, updates, service, touchpoints). Not a speed test.
 */
class VehicleYearFootprintTest {
  private static final Logger LOG = LoggerFactory.getLogger(VehicleYearFootprintTest.class);
  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  static final int VEHICLES = 2;

  @TempDir Path dir;

  @Test
  void one_vehicle_year_costs_less_than_a_megabyte_whatever_the_sample_rate() throws Exception {
    long empty = bytesOf(dir.resolve("empty.db"), 0, 120);
    long sparse = bytesOf(dir.resolve("sparse.db"), VEHICLES, 240);
    long dense = bytesOf(dir.resolve("dense.db"), VEHICLES, 60);
    long perVehicleYear = (sparse - empty) / VEHICLES;
    long perVehicleYearDense = (dense - empty) / VEHICLES;
    LOG.info("bytes per vehicle-year: {} sampling every 4 min, {} sampling every minute (store without vehicles: {} bytes)",
        perVehicleYear, perVehicleYearDense, empty);
    assertTrue(perVehicleYear < 1_000_000, perVehicleYear + " bytes");
    assertTrue(perVehicleYearDense < 1_000_000, perVehicleYearDense + " bytes");
    assertTrue(Math.abs(perVehicleYearDense - perVehicleYear) < perVehicleYear / 10,
        "four times the samples must not grow the store: " + perVehicleYear + " vs " + perVehicleYearDense);
  }

  /** Builds a store of {@code vehicles} cars driven for a year, vacuums it and returns its size. */
  private long bytesOf(Path file, int vehicles, int sampleEverySeconds) throws Exception {
    try (TwinStore store = TwinStores.sqlite(file, options())) {
      driveAYear(store, vehicles, sampleEverySeconds);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      st.execute("VACUUM");
    }
    return Files.size(file);
  }

  static TwinStoreOptions options() {
    return TwinStoreOptions.defaults().withClock(Clock.fixed(START.plus(Duration.ofDays(400)), ZoneOffset.UTC));
  }

  /** A year of {@code vehicles} cars: production, two drives a day of every catalog signal, twin events. */
  static void driveAYear(TwinStore store, int vehicles, int sampleEverySeconds) {
    long[] seq = new long[vehicles];
    long[] revision = new long[vehicles];
    for (int v = 0; v < vehicles; v++) {
      revision[v] = store.append(vin(v), 0, Fixtures.timeline(START, Fixtures.FACTORY,
          Fixtures.produced(vin(v)),
          new io.spime.twin.event.PhaseChanged(LifecyclePhase.IN_TRANSIT, "shipped"),
          new io.spime.twin.event.PhaseChanged(LifecyclePhase.IN_STOCK, "stocked"),
          new io.spime.twin.event.PhaseChanged(LifecyclePhase.IN_SERVICE, "sold"),
          Fixtures.owner("owner-" + v))).revision();
    }
    for (int day = 0; day < 365; day++) {
      Instant morning = START.plus(Duration.ofDays(day)).plus(Duration.ofHours(7));
      List<TelemetryBatch> batches = new ArrayList<>();
      for (int v = 0; v < vehicles; v++) {
        for (Instant drive : List.of(morning, morning.plus(Duration.ofHours(10)))) {
          List<Sample> samples = new ArrayList<>();
          for (int s = 0; s < 3600; s += sampleEverySeconds) {
            long t = drive.plusSeconds(s).toEpochMilli();
            for (SignalDefinition signal : SignalCatalog.builtIn().signals()) {
              samples.add(new Sample(signal.id(), t, value(signal, day, s)));
            }
          }
          batches.add(new TelemetryBatch(vin(v), new StreamPosition(7, ++seq[v], 1), 1, samples));
        }
        List<TwinEvent> events = eventsOf(day);
        if (!events.isEmpty()) {
          revision[v] = store.append(vin(v), revision[v], Fixtures.timeline(morning.plus(Duration.ofHours(12)),
              Fixtures.CAR, events.toArray(new TwinEvent[0]))).revision();
        }
      }
      Fixtures.applyTelemetry(store, batches);
    }
  }

  static AssetId vin(int v) {
    return TestVins.numbered(7000 + v);
  }

  private static SignalValue value(SignalDefinition signal, int day, int second) {
    if (signal.type() == SignalType.BOOLEAN) {
      return SignalValue.of(second % 2 == 0);
    }
    if (signal.type() == SignalType.STRING) {
      return SignalValue.of("s" + second % 7);
    }
    return SignalValue.of(day * 100.0 + second % 97);
  }

  /** A year of twin events: about 110 per vehicle. */
  private static List<TwinEvent> eventsOf(int day) {
    List<TwinEvent> events = new ArrayList<>();
    if (day % 7 == 0) {
      events.add(new ReportedStateChanged(new StateDocument(day + 1, Map.of("policy", "v" + day / 30, "sw.bms", "5." + day / 60))));
    }
    if (day % 30 == 0) {
      events.add(new BatteryMeasured(new BatteryCondition(100 - day / 100.0, day / 2, 75)));
      events.add(new TouchpointRecorded(TouchpointKind.APP, Optional.empty(), "ok", Optional.of("monthly check-in")));
    }
    if (day % 60 == 10) {
      events.add(new SoftwareUpdated("bms", "5." + day / 60, UpdateOutcome.SUCCEEDED, Optional.of("C-" + day)));
    }
    if (day % 90 == 20) {
      events.add(new DtcRaised("P0A80", DtcSeverity.WARNING, "cell imbalance"));
    }
    if (day % 90 == 25) {
      events.add(new DtcCleared("P0A80"));
    }
    if (day == 180 || day == 360) {
      events.add(new ServiceVisited("Workshop 7", day * 40L, List.of("inspection", "cabin filter"), List.of()));
    }
    return events;
  }
}
