package io.spime.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.agent.EdgeAgent;
import io.spime.cloud.sync.FleetIngest;
import io.spime.testkit.TestBrokers;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.fleet.SignalReading;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.state.ConsentSet;
import io.spime.wire.telemetry.SignalValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A boat (HIN) and an e-bike (frame number) send their own signals to their twins through a real broker. */
class OtherKindsToTwinTest {
  private static final SignalCatalog CATALOG = SignalCatalog.builtIn();
  @TempDir Path dir;

  @Test
  void a_boat_and_an_e_bike_reach_their_twins_by_their_ids() {
    String url = TestBrokers.embeddedUrl();
    AssetId boat = AssetId.parse("HIN-NO-FJD00017C323");
    AssetId bike = AssetId.parse("FRM-WTU0042X7");
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).build();
        EdgeAgent boatAgent = agent(boat, url);
        EdgeAgent bikeAgent = agent(bike, url)) {
      ingest.start();
      boatAgent.start();
      bikeAgent.start();
      long t0 = System.currentTimeMillis();
      boatAgent.record("Vehicle.Boat.WaterDepth", t0, 12.4);
      boatAgent.record("Vehicle.Boat.Bilge.IsPumpRunning", t0, true);
      boatAgent.record("Vehicle.Powertrain.CombustionEngine.EngineHours", t0, 311.25);
      bikeAgent.record("Vehicle.Bicycle.Cadence", t0, 82);
      bikeAgent.record("Vehicle.Bicycle.AssistLevel", t0, 3);
      bikeAgent.record("Vehicle.Powertrain.TractionBattery.StateOfCharge.Current", t0, 64.5);
      boatAgent.flush();
      bikeAgent.flush();

      await().atMost(Duration.ofSeconds(30)).until(
          () -> store.samplesApplied(boat) == 3 && store.samplesApplied(bike) == 3);
      Map<Integer, SignalReading> boatTwin = store.latestSignals(boat);
      Map<Integer, SignalReading> bikeTwin = store.latestSignals(bike);
      assertEquals(12.4, number(boatTwin, "Vehicle.Boat.WaterDepth"), 0.05);
      assertEquals(SignalValue.of(true), reading(boatTwin, "Vehicle.Boat.Bilge.IsPumpRunning").value());
      assertEquals(311.25, number(boatTwin, "Vehicle.Powertrain.CombustionEngine.EngineHours"), 0.005);
      assertEquals(82, number(bikeTwin, "Vehicle.Bicycle.Cadence"), 0);
      assertEquals(3, number(bikeTwin, "Vehicle.Bicycle.AssistLevel"), 0);
      assertEquals(64.5, number(bikeTwin, "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current"), 0.05);
      assertEquals(0, ingest.stats().rejectedTotal());
    }
  }

  private EdgeAgent agent(AssetId id, String url) {
    return EdgeAgent.builder(id, url, dir.resolve(id.value()))
        .consent(ConsentSet.all())
        .batchWindow(Duration.ofMillis(200))
        .build();
  }

  private static SignalReading reading(Map<Integer, SignalReading> twin, String path) {
    return twin.get(CATALOG.require(path).id());
  }

  private static double number(Map<Integer, SignalReading> twin, String path) {
    return ((SignalValue.Number) reading(twin, path).value()).value();
  }
}
