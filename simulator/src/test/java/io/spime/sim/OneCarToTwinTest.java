package io.spime.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The foundation's promise end to end: a car's samples reach its twin through a real broker. */
class OneCarToTwinTest {
  private static final SignalCatalog CATALOG = SignalCatalog.builtIn();
  @TempDir Path dir;

  /** The embedded broker, and Mosquitto (or any broker) too when SPIME_MQTT_URL is set. */
  static List<String> brokers() {
    return TestBrokers.all();
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void samples_recorded_by_an_agent_arrive_in_the_cars_twin(String url) {
    AssetId vin = AssetId.parse("1M8GDM9AXKP042788");
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).build();
        EdgeAgent agent =
            EdgeAgent.builder(vin, url, dir.resolve("agent"))
                .consent(ConsentSet.all())
                .batchWindow(Duration.ofMillis(200))
                .build()) {
      ingest.start();
      agent.start();
      long t0 = System.currentTimeMillis();
      for (int i = 0; i < 100; i++) {
        agent.record("Vehicle.Speed", t0 + i * 100L, 40 + i * 0.5);
      }
      agent.record("Vehicle.TraveledDistance", t0, 123_456);
      agent.record("Vehicle.IsMoving", t0, true);
      agent.record("Vehicle.CurrentLocation.Latitude", t0, 48.137154);
      agent.flush();

      await().atMost(Duration.ofSeconds(20)).until(() -> store.samplesApplied(vin) == 103);
      Map<Integer, SignalReading> twin = store.latestSignals(vin);
      assertEquals(89.5, number(twin, "Vehicle.Speed"), 0.05);
      assertEquals(t0 + 9_900, twin.get(CATALOG.require("Vehicle.Speed").id()).timeMillis());
      assertEquals(123_456, number(twin, "Vehicle.TraveledDistance"), 0);
      assertEquals(48.137154, number(twin, "Vehicle.CurrentLocation.Latitude"), 1e-6);
      assertEquals(SignalValue.of(true), twin.get(CATALOG.require("Vehicle.IsMoving").id()).value());
      await().atMost(Duration.ofSeconds(20)).until(() -> agent.stats().backlogBatches() == 0);
      assertTrue(agent.stats().ackedSeq() >= 1);
      assertEquals(0, ingest.stats().rejectedTotal());
    }
  }

  private static double number(Map<Integer, SignalReading> twin, String path) {
    return ((SignalValue.Number) twin.get(CATALOG.require(path).id()).value()).value();
  }
}
