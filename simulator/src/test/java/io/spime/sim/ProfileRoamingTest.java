package io.spime.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.agent.ActuatorSink;
import io.spime.agent.EdgeAgent;
import io.spime.cloud.sync.DownlinkCommand;
import io.spime.cloud.sync.FleetIngest;
import io.spime.sim.internal.office.FleetRegistry;
import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.custody.PartyId;
import io.spime.twin.customer.CustomerProfile;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import io.spime.wire.event.EventDetail;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.signing.DownlinkSigner;
import io.spime.wire.signing.KeyFiles;
import io.spime.wire.signing.KeyId;
import io.spime.wire.state.ConsentSet;
import io.spime.wire.state.DriverProfile;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cloud's downlink end to end with real agents: profile roaming, consent, commands, events. */
class ProfileRoamingTest {
  private static final KeyId KEY = KeyId.of("roaming-cloud");
  private static final KeyPair PAIR = KeyFiles.generate();

  @TempDir Path dir;

  static List<String> brokers() {
    return TestBrokers.all();
  }

  /** What a car's actuators were asked to apply, in order. */
  private static final class Cabin implements ActuatorSink {
    final List<DriverProfile> applied = new CopyOnWriteArrayList<>();

    @Override
    public void applyProfile(DriverProfile profile) {
      applied.add(profile);
    }

    String lastCustomer() {
      return applied.isEmpty() ? "none" : applied.get(applied.size() - 1).customerId();
    }
  }

  private EdgeAgent agent(String url, AssetId vin, Cabin cabin) {
    return EdgeAgent.builder(vin, url, dir.resolve(vin.value()))
        .consent(ConsentSet.nonPersonalOnly())
        .actuator(cabin)
        .batchWindow(Duration.ofMillis(100))
        .downlinkKey(KEY, PAIR.getPublic())
        .build();
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void a_customers_profile_set_once_follows_them_to_two_cars_in_turn(String url) {
    AssetId first = TestVins.random();
    AssetId second = TestVins.random();
    PartyId alice = PartyId.of("alice");
    Cabin firstCabin = new Cabin();
    Cabin secondCabin = new Cabin();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store)
            .signingKey(DownlinkSigner.of(KEY, PAIR.getPrivate())).build();
        EdgeAgent firstCar = agent(url, first, firstCabin);
        EdgeAgent secondCar = agent(url, second, secondCabin)) {
      FleetRegistry registry = new FleetRegistry(store);
      registry.deliverToFleet(first, PartyId.of("rent-a-volta"), Instant.now().minusSeconds(3600));
      registry.deliverToFleet(second, PartyId.of("rent-a-volta"), Instant.now().minusSeconds(3600));
      store.putCustomer(alice, 0, new CustomerProfile("Alice",
          Map.of("seat.heightPercent", "30", "climate.temperatureC", "19.5", "media.presets", "jazz"),
          Set.of(DataCategory.CABIN_PREFERENCES, DataCategory.LOCATION)));
      ingest.start();
      firstCar.start();
      secondCar.start();

      ingest.downlink().assignDriver(first, alice);
      await().atMost(Duration.ofSeconds(20)).until(() -> firstCabin.lastCustomer().equals("alice"));
      DriverProfile onFirst = firstCabin.applied.get(firstCabin.applied.size() - 1);
      assertEquals(30, onFirst.seatHeightPercent());
      assertEquals(19.5, onFirst.climateTemperatureC());
      await().atMost(Duration.ofSeconds(20))
          .until(() -> store.twin(first).orElseThrow().stateDelta().isEmpty());

      ingest.downlink().endDriverAssignment(first);
      await().atMost(Duration.ofSeconds(20)).until(() -> firstCabin.lastCustomer().isEmpty());
      ingest.downlink().assignDriver(second, alice);
      await().atMost(Duration.ofSeconds(20)).until(() -> secondCabin.lastCustomer().equals("alice"));
      assertEquals(onFirst, secondCabin.applied.get(secondCabin.applied.size() - 1));
      await().atMost(Duration.ofSeconds(20))
          .until(() -> store.twin(second).orElseThrow().stateDelta().isEmpty());
      Twin twin = store.twin(second).orElseThrow();
      assertEquals("granted", twin.reported().values().get("consent.LOCATION"));
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void a_command_and_a_dtc_from_a_real_agent_land_in_the_twin(String url) {
    AssetId vin = TestVins.random();
    Cabin cabin = new Cabin();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store)
            .signingKey(DownlinkSigner.of(KEY, PAIR.getPrivate())).build();
        EdgeAgent car = agent(url, vin, cabin)) {
      new FleetRegistry(store).deliverToFleet(vin, PartyId.of("rent-a-volta"), Instant.now().minusSeconds(3600));
      ingest.start();
      car.start();
      car.raise(VehicleEvent.of(new EventDetail.Dtc("P0301", "engine", true, "misfire"),
          System.currentTimeMillis()));
      car.record("Vehicle.TraveledDistance", System.currentTimeMillis(), 1234);
      await().atMost(Duration.ofSeconds(20))
          .until(() -> store.twin(vin).orElseThrow().openDtcs().containsKey("P0301"));
      String id = ingest.downlink().send(vin, new DownlinkCommand.FlushNow(), Duration.ofMinutes(1));
      await().atMost(Duration.ofSeconds(20))
          .until(() -> !store.twin(vin).orElseThrow().commands().containsKey(id));
      await().atMost(Duration.ofSeconds(20)).until(() -> store.samplesApplied(vin) == 1);
      assertEquals(0, ingest.stats().twinEventsRefused());
      assertTrue(store.connectivity(vin).orElseThrow().online());
    }
  }
}
