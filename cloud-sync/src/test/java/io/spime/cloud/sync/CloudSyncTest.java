package io.spime.cloud.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.custody.PartyId;
import io.spime.twin.customer.CustomerProfile;
import io.spime.twin.exceptions.UnknownVehicleException;
import io.spime.twin.fleet.Connectivity;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import io.spime.wire.event.EventDetail;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.Command;
import io.spime.wire.state.CommandOutcome;
import io.spime.wire.state.DesiredState;
import io.spime.wire.state.DriverProfile;
import io.spime.wire.state.SignalRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CloudSyncTest {
  @TempDir Path dir;

  static List<String> brokers() {
    return TestBrokers.all();
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void events_and_reports_share_the_stream_with_telemetry_and_are_acked_in_order(String url) throws Exception {
    AssetId vin = TestVins.random();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).signingKey(TestKeys.SIGNER).build()) {
      ingest.start();
      try (FakeCar car = new FakeCar(url, vin)) {
        long now = System.currentTimeMillis();
        car.telemetry(1, now, 50);
        car.event(2, new EventDetail.Dtc("P0301", "engine", true, "misfire"), now + 10);
        car.reported(3, now + 20, 0);
        car.telemetry(4, now + 30, 60);
        await().atMost(Duration.ofSeconds(20)).until(() -> car.highestAck() == 4);
        assertEquals(1, store.carEvents(vin, java.time.Instant.EPOCH, 10).size());
        assertEquals(4, store.streamProgress(vin).orElseThrow().durableSeq());
        assertEquals(2, store.samplesApplied(vin) / 3);
        IngestStats stats = ingest.stats();
        assertEquals(4, stats.appliedBatches());
        // The car has no production record: its DTC is kept as a car event, the twin refuses it.
        assertEquals(2, stats.twinEventsRefused());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void a_poison_message_is_quarantined_in_its_place_and_the_stream_moves_on(String url) throws Exception {
    AssetId vin = TestVins.random();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).signingKey(TestKeys.SIGNER).build()) {
      ingest.start();
      try (FakeCar car = new FakeCar(url, vin)) {
        long now = System.currentTimeMillis();
        car.telemetry(1, now, 50);
        car.poisonTelemetry(2, now);
        car.telemetry(3, now + 2000, 70);
        await().atMost(Duration.ofSeconds(20)).until(() -> car.highestAck() == 3);
        assertEquals(1, store.quarantined(vin, 10).size());
        assertEquals(2, store.quarantined(vin, 10).get(0).position().seq());
        assertEquals(1, ingest.stats().quarantined());
        assertEquals(1, ingest.stats().rejected().get(RejectReason.MALFORMED));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void samples_from_a_clock_in_1970_or_next_week_are_refused_as_implausible(String url) throws Exception {
    AssetId vin = TestVins.random();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).signingKey(TestKeys.SIGNER).build()) {
      ingest.start();
      try (FakeCar car = new FakeCar(url, vin)) {
        car.telemetry(1, 5_000, 50);
        car.telemetry(2, System.currentTimeMillis() + Duration.ofDays(7).toMillis(), 50);
        car.telemetry(3, System.currentTimeMillis(), 50);
        await().atMost(Duration.ofSeconds(20)).until(() -> car.highestAck() == 3);
        assertEquals(2, ingest.stats().rejected().get(RejectReason.IMPLAUSIBLE_TIME));
        assertEquals(3, store.samplesApplied(vin));
        assertEquals(2, store.quarantined(vin, 10).size());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void status_and_birth_make_the_car_online_and_the_will_offline(String url) throws Exception {
    AssetId vin = TestVins.random();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).signingKey(TestKeys.SIGNER).build()) {
      ingest.start();
      try (FakeCar car = new FakeCar(url, vin)) {
        long now = System.currentTimeMillis();
        car.status(true, now);
        await().atMost(Duration.ofSeconds(20))
            .until(() -> store.connectivity(vin).map(Connectivity::online).orElse(false));
        car.status(false, now + 1000);
        await().atMost(Duration.ofSeconds(20))
            .until(() -> !store.connectivity(vin).orElseThrow().online());
        car.status(true, now - 5000);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
            .until(() -> !store.connectivity(vin).orElseThrow().online());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void desired_policy_is_published_retained_and_the_delta_closes_when_the_car_reports(String url)
      throws Exception {
    AssetId vin = TestVins.random();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).signingKey(TestKeys.SIGNER).build()) {
      ingest.start();
      RegisteredCars.deliver(store, vin, "owner-1", Set.of(DataCategory.LOCATION));
      CollectionPolicy policy = new CollectionPolicy(3,
          Map.of(FakeCar.SPEED, SignalRule.periodic(Duration.ofSeconds(1))));
      long version = ingest.downlink().setPolicy(vin, policy);
      assertEquals(1, version);
      Twin twin = store.twin(vin).orElseThrow();
      assertFalse(twin.stateDelta().isEmpty());
      try (FakeCar car = new FakeCar(url, vin)) {
        DesiredState desired = car.awaitDesired(version);
        assertEquals(policy, desired.policy().orElseThrow());
        assertEquals(Set.of(DataCategory.VEHICLE_HEALTH, DataCategory.LOCATION),
            desired.consent().orElseThrow().granted());
        car.reportApplied(1, desired);
        await().atMost(Duration.ofSeconds(20))
            .until(() -> store.twin(vin).orElseThrow().stateDelta().isEmpty());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void a_birth_behind_the_desired_version_gets_the_desired_state_again(String url) throws Exception {
    AssetId vin = TestVins.random();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).signingKey(TestKeys.SIGNER).build()) {
      ingest.start();
      RegisteredCars.deliver(store, vin, "owner-1", Set.of());
      long version = ingest.downlink().setProfile(vin, new DriverProfile("fleet-default", 40, 40, 40, 20, List.of(), Map.of()));
      try (FakeCar car = new FakeCar(url, vin)) {
        car.awaitDesired(version);
        car.desired.clear();
        car.birth(0);
        DesiredState again = car.awaitDesired(version);
        assertEquals(version, again.version());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void a_command_is_recorded_sent_and_completed_by_the_cars_result(String url) throws Exception {
    AssetId vin = TestVins.random();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).signingKey(TestKeys.SIGNER).build()) {
      ingest.start();
      RegisteredCars.deliver(store, vin, "owner-1", Set.of());
      try (FakeCar car = new FakeCar(url, vin)) {
        String id = ingest.downlink().send(vin, new DownlinkCommand.SendSnapshot(), Duration.ofMinutes(5));
        assertTrue(store.twin(vin).orElseThrow().commands().containsKey(id));
        Command command = car.awaitCommand(id);
        assertEquals(Command.Kind.SEND_SNAPSHOT, command.kind());
        car.event(1, new EventDetail.CommandResult(id, new CommandOutcome(CommandOutcome.Status.APPLIED, "")),
            System.currentTimeMillis());
        await().atMost(Duration.ofSeconds(20))
            .until(() -> !store.twin(vin).orElseThrow().commands().containsKey(id));
        assertEquals(0, ingest.stats().twinEventsRefused());
      }
      assertThrows(UnknownVehicleException.class, () -> ingest.downlink().send(TestVins.random(),
          new DownlinkCommand.FlushNow(), Duration.ofMinutes(1)));
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void samples_without_consent_are_dropped_at_ingest_and_counted(String url) throws Exception {
    AssetId vin = TestVins.random();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).signingKey(TestKeys.SIGNER).build()) {
      ingest.start();
      RegisteredCars.deliver(store, vin, "owner-1", Set.of());
      try (FakeCar car = new FakeCar(url, vin)) {
        long now = System.currentTimeMillis();
        car.telemetry(1, now, 50);
        car.location(2, now + 1000);
        await().atMost(Duration.ofSeconds(20)).until(() -> car.highestAck() == 2);
        // speed is driving behaviour, odometer vehicle health: only the odometer is kept.
        assertEquals(1, store.samplesApplied(vin));
        assertEquals(4, ingest.stats().samplesDroppedNoConsent());
        ingest.downlink().setConsent(vin, DataCategory.LOCATION, true);
        car.location(3, now + 2000);
        await().atMost(Duration.ofSeconds(20)).until(() -> car.highestAck() == 3);
        assertEquals(3, store.samplesApplied(vin));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void a_driver_assignment_pushes_the_customers_profile_only_with_consent(String url) throws Exception {
    AssetId vin = TestVins.random();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).signingKey(TestKeys.SIGNER).build()) {
      ingest.start();
      RegisteredCars.deliverToFleet(store, vin, "rent-a-volta");
      PartyId alice = PartyId.of("alice");
      PartyId bob = PartyId.of("bob");
      Map<String, String> prefs = Map.of("seat.heightPercent", "30", "climate.temperatureC", "19.5",
          "media.presets", "jazz, news");
      store.putCustomer(alice, 0, new CustomerProfile("Alice", prefs,
          Set.of(DataCategory.CABIN_PREFERENCES, DataCategory.LOCATION)));
      store.putCustomer(bob, 0, new CustomerProfile("Bob", prefs, Set.of()));
      try (FakeCar car = new FakeCar(url, vin)) {
        long v1 = ingest.downlink().assignDriver(vin, alice);
        DriverProfile applied = car.awaitDesired(v1).profile().orElseThrow();
        assertEquals("alice", applied.customerId());
        assertEquals(30, applied.seatHeightPercent());
        assertEquals(19.5, applied.climateTemperatureC());
        assertEquals(List.of("jazz", "news"), applied.mediaPresets());
        assertTrue(car.awaitDesired(v1).consent().orElseThrow().allows(DataCategory.LOCATION));
        long v2 = ingest.downlink().endDriverAssignment(vin);
        assertEquals("", car.awaitDesired(v2).profile().orElseThrow().customerId());
        assertFalse(car.awaitDesired(v2).consent().orElseThrow().allows(DataCategory.LOCATION));
        long v3 = ingest.downlink().assignDriver(vin, bob);
        assertEquals("", car.awaitDesired(v3).profile().orElseThrow().customerId());
      }
    }
  }
}
