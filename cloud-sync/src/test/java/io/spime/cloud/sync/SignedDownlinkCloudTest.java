package io.spime.cloud.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestBrokers;
import io.spime.testkit.TestVins;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.signing.DownlinkVerifier;
import io.spime.wire.signing.KeyFiles;
import io.spime.wire.signing.KeyId;
import io.spime.wire.signing.UnknownKeyIdException;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.DesiredState;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The downlink signs desired state (retained too) and commands, and sends nothing without a key. */
class SignedDownlinkCloudTest {
  @TempDir Path dir;

  static List<String> brokers() {
    return TestBrokers.all();
  }

  @Test
  void without_a_signing_key_the_downlink_refuses_before_the_twin_changes() {
    AssetId vin = TestVins.random();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(TestBrokers.embeddedUrl(), store).build()) {
      ingest.start();
      RegisteredCars.deliver(store, vin, "owner-1", Set.of());
      long revision = store.twin(vin).orElseThrow().revision();

      NoSigningKeyException e = assertThrows(NoSigningKeyException.class,
          () -> ingest.downlink().setConsent(vin, DataCategory.LOCATION, true));
      assertThrows(NoSigningKeyException.class,
          () -> ingest.downlink().setPolicy(vin, CollectionPolicy.collectEverything()));
      assertThrows(NoSigningKeyException.class, () -> ingest.downlink().send(vin,
          new DownlinkCommand.FlushNow(), Duration.ofMinutes(1)));

      assertTrue(e.getMessage().contains("signingKeyFile"), e.getMessage());
      assertEquals(revision, store.twin(vin).orElseThrow().revision(), "nothing was appended");
      assertEquals(0, store.twin(vin).orElseThrow().desired().version());
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void the_retained_desired_state_is_signed_and_a_car_arriving_later_verifies_it(String url) {
    AssetId vin = TestVins.random();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(url, store).signingKey(TestKeys.SIGNER).build()) {
      ingest.start();
      RegisteredCars.deliver(store, vin, "owner-1", Set.of());
      long version = ingest.downlink().setConsent(vin, DataCategory.LOCATION, true);
      try (FakeCar late = new FakeCar(url, vin)) {
        DesiredState retained = late.awaitDesired(version);
        assertTrue(retained.consent().orElseThrow().allows(DataCategory.LOCATION));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("brokers")
  void a_key_file_signs_and_after_a_switch_cars_pinning_only_the_old_key_refuse_the_new_one(String url)
      throws Exception {
    AssetId vin = TestVins.random();
    KeyPair next = KeyFiles.generate();
    Path privateFile = dir.resolve("cloud-2.key");
    KeyFiles.write(next, privateFile, dir.resolve("cloud-2.pub"));
    DownlinkVerifier oldOnly = TestKeys.VERIFIER;
    DownlinkVerifier both = DownlinkVerifier.of(Map.of(TestKeys.KEY_ID, TestKeys.PAIR.getPublic(),
        KeyId.of("cloud-2"), next.getPublic()));
    List<byte[]> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"))) {
      RegisteredCars.deliver(store, vin, "owner-1", Set.of());
      try (FleetIngest ingest = FleetIngest.builder(url, store)
          .signingKeyFile(KeyId.of("cloud-2"), privateFile).build();
          RawListener car = new RawListener(url, vin, seen)) {
        ingest.start();
        long version = ingest.downlink().setConsent(vin, DataCategory.USAGE, true);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !seen.isEmpty());
        byte[] payload = seen.get(seen.size() - 1);
        long now = System.currentTimeMillis();
        assertEquals(version, both.verifyDesired(payload, vin, SignalCatalog.builtIn(), now).desired().version());
        assertEquals(KeyId.of("cloud-2"), both.verifyDesired(payload, vin, SignalCatalog.builtIn(), now).keyId());
        assertThrows(UnknownKeyIdException.class,
            () -> oldOnly.verifyDesired(payload, vin, SignalCatalog.builtIn(), now));
        String id = ingest.downlink().send(vin, new DownlinkCommand.FlushNow(), Duration.ofMinutes(5));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 2);
        assertEquals(id, both.verifyCommand(seen.get(1), vin, now).command().commandId());
        assertThrows(UnknownKeyIdException.class, () -> oldOnly.verifyCommand(seen.get(1), vin, now));
      }
    }
  }
}
