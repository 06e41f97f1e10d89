package io.spime.cloud.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.spime.mqtt.MqttSecurity;
import io.spime.testkit.FleetBroker;
import io.spime.testkit.MosquittoProcess;
import io.spime.testkit.TcpProxy;
import io.spime.testkit.TestCertificate;
import io.spime.testkit.TestPki;
import io.spime.testkit.TestVins;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.twin.fleet.Connectivity;
import io.spime.wire.ClientIds;
import io.spime.wire.DataCategory;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.AssetId;
import io.spime.wire.event.EventDetail;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A car speaks only for itself, against the embedded broker with access enforced and against
 * Mosquitto running the shipped deploy/mosquitto configuration, both over mutual TLS with identities
 * from the certificates' CN: a real ingest into a real SQLite twin store as the cloud, car B as
 * itself, and car A's identity trying to write into B's twin, send downlink, read B's downlink and
 * take over B's session.
 */
class CarIdentityTest {
  private static final Duration QUIET = Duration.ofSeconds(2);

  @TempDir Path dir;
  private FleetBroker broker;
  private TwinStore store;
  private FleetIngest ingest;
  private final AssetId carA = TestVins.random();
  private final AssetId carB = TestVins.random();

  private void start(String kind) {
    TestPki pki = TestPki.create(dir.resolve("pki"));
    if (kind.equals("mosquitto")) {
      assumeTrue(MosquittoProcess.binary().isPresent(), "mosquitto is not installed: skipped (CI installs it)");
      broker = FleetBroker.mosquitto(pki, dir);
    } else {
      broker = FleetBroker.embedded(pki);
    }
    store = TwinStores.sqlite(dir.resolve("twins.db"));
    ingest = FleetIngest.builder(broker.url(), store).signingKey(TestKeys.SIGNER)
        .security(as(FleetBroker.CLOUD)).shareGroup("ingest")
        .firstConnectTimeout(Duration.ofSeconds(20)).build();
    ingest.start();
    RegisteredCars.deliver(store, carB, "owner-b", Set.of(DataCategory.LOCATION));
  }

  @AfterEach
  void stop() {
    if (ingest != null) {
      ingest.close();
    }
    if (store != null) {
      store.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private MqttSecurity as(String identity) {
    TestCertificate certificate = broker.identity(identity);
    return MqttSecurity.builder().trust(broker.caPem())
        .clientCertificate(certificate.certificatePem(), certificate.privateKeyPem()).build();
  }

  /** B as itself, online, with one batch acknowledged: the cloud's ingest works for a true car. */
  private FakeCar carBOnline() throws Exception {
    FakeCar b = FakeCar.identified(broker.url(), carB, as(carB.value()));
    b.status(true, System.currentTimeMillis());
    b.telemetry(1, System.currentTimeMillis(), 50);
    await().atMost(Duration.ofSeconds(30)).until(() -> b.highestAck() == 1
        && store.connectivity(carB).map(Connectivity::online).orElse(false));
    assertTrue(store.samplesApplied(carB) > 0);
    return b;
  }

  /** Car A's identity with A's own client id, publishing as if it were B; refused or dropped. */
  private void forge(ForgedPublish publish) {
    try (FakeCar impostor = FakeCar.impostor(broker.url(), carB, as(carA.value()), ClientIds.car(carA))) {
      publish.on(impostor);
    } catch (Exception refused) {
      // the broker refused the publish (HiveMQ then disconnects the client); the twin check decides
    }
  }

  private interface ForgedPublish {
    void on(FakeCar impostor) throws Exception;
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "mosquitto"})
  void another_car_cannot_write_speed_events_or_status_into_a_cars_twin(String kind) throws Exception {
    start(kind);
    try (FakeCar b = carBOnline()) {
      long perBatch = store.samplesApplied(carB);
      long now = System.currentTimeMillis();
      forge(impostor -> impostor.telemetry(10, now, 299.9));
      forge(impostor -> impostor.event(11, new EventDetail.Crash(40.0, true), now));
      forge(impostor -> impostor.status(false, now + 1));
      forge(impostor -> impostor.reported(12, now, 0));

      b.telemetry(2, now + 5_000, 51); // B's own next batch goes through and is acked
      await().atMost(Duration.ofSeconds(30)).until(() -> b.highestAck() == 2);
      await().during(QUIET).atMost(QUIET.plusSeconds(10)).until(() -> store.samplesApplied(carB) == 2 * perBatch
          && store.carEvents(carB, Instant.EPOCH, 10).isEmpty()
          && store.connectivity(carB).map(Connectivity::online).orElse(false));
      assertEquals(0, store.samplesApplied(carA));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "mosquitto"})
  void a_will_on_another_cars_status_never_marks_it_offline(String kind) throws Exception {
    start(kind);
    try (FakeCar b = carBOnline();
        TcpProxy link = new TcpProxy(URI.create(broker.url()).getPort())) {
      String viaLink = "ssl://127.0.0.1:" + link.port();
      try {
        FakeCar impostor = FakeCar.impostorWithOfflineWill(viaLink, carB, as(carA.value()), ClientIds.car(carA));
        assertTrue(impostor.isConnected()); // Mosquitto takes the connect; the ACL decides when the will fires
        link.mode(TcpProxy.Mode.CUT); // the link drops without a DISCONNECT: the broker publishes the will
        impostor.close();
      } catch (RuntimeException refused) {
        assertTrue(String.valueOf(refused.getMessage()).contains("135")
            || String.valueOf(refused.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("not authorized"),
            refused.toString()); // the embedded broker refuses the will at connect
      }
      b.telemetry(2, System.currentTimeMillis(), 54);
      await().atMost(Duration.ofSeconds(30)).until(() -> b.highestAck() == 2);
      await().during(QUIET).atMost(QUIET.plusSeconds(10))
          .until(() -> store.connectivity(carB).map(Connectivity::online).orElse(false));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "mosquitto"})
  void a_car_cannot_publish_desired_state_or_commands(String kind) throws Exception {
    start(kind);
    try (FakeCar b = carBOnline()) {
      for (TopicKind downlink : List.of(TopicKind.DESIRED, TopicKind.COMMAND, TopicKind.ACK)) {
        forge(impostor -> impostor.send(Topics.of(carB, downlink), new byte[] {1, 2, 3}));
        forge(impostor -> impostor.send(Topics.of(carA, downlink), new byte[] {1, 2, 3}));
      }
      await().during(QUIET).atMost(QUIET.plusSeconds(10)).until(() -> b.arrived.stream()
          .noneMatch(topic -> !topic.endsWith("/ack")) && b.highestAck() == 1);
      assertTrue(b.desired.isEmpty() && b.commands.isEmpty(), "B got " + b.arrived);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "mosquitto"})
  void a_car_cannot_read_another_cars_downlink_or_the_fleet_while_the_cloud_sends_and_reads(String kind)
      throws Exception {
    start(kind);
    try (FakeCar b = carBOnline();
        FakeCar spy = FakeCar.impostor(broker.url(), carA, as(carA.value()), ClientIds.car(carA))) {
      for (String filter : List.of(Topics.of(carB, TopicKind.COMMAND), Topics.of(carB, TopicKind.DESIRED),
          Topics.allVehicles(TopicKind.COMMAND), Topics.allVehicles(TopicKind.TELEMETRY),
          Topics.shared("spy", TopicKind.TELEMETRY), "spime/v1/#")) {
        try {
          spy.subscribe(filter); // the embedded broker refuses; Mosquitto grants and then delivers nothing
        } catch (RuntimeException refused) {
          assertTrue(String.valueOf(refused.getMessage()).contains("refused"), refused.toString());
        }
      }
      String id = ingest.downlink().send(carB, new DownlinkCommand.FlushNow(), Duration.ofMinutes(5));
      b.awaitCommand(id);
      b.telemetry(2, System.currentTimeMillis(), 52);
      await().atMost(Duration.ofSeconds(30)).until(() -> b.highestAck() == 2);
      await().during(QUIET).atMost(QUIET.plusSeconds(10)).until(() -> spy.arrived.isEmpty());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "mosquitto"})
  void another_identity_cannot_take_over_a_cars_session(String kind) throws Exception {
    start(kind);
    try (FakeCar b = carBOnline()) {
      if (broker.clientIdIsIdentity()) {
        // Mosquitto replaces the client id with the identity: A connects, but as itself
        try (FakeCar a = FakeCar.impostor(broker.url(), carA, as(carA.value()), ClientIds.car(carB))) {
          assertTrue(a.isConnected());
        }
      } else {
        assertThrows(RuntimeException.class,
            () -> FakeCar.impostor(broker.url(), carB, as(carA.value()), ClientIds.car(carB)).close());
        assertThrows(RuntimeException.class, () -> FakeCar.impostor(
            broker.url(), carB, as(FleetBroker.CLOUD), ClientIds.car(carB)).close());
      }
      await().during(QUIET).atMost(QUIET.plusSeconds(10)).until(b::isConnected);
      b.telemetry(2, System.currentTimeMillis(), 53); // B's session still carries its acks
      await().atMost(Duration.ofSeconds(30)).until(() -> b.highestAck() == 2);
    }
  }
}
