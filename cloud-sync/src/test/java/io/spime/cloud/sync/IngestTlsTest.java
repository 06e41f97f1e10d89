package io.spime.cloud.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.spime.broker.BrokerTls;
import io.spime.broker.EmbeddedBroker;
import io.spime.mqtt.MqttSecurity;
import io.spime.testkit.MosquittoProcess;
import io.spime.testkit.TestCertificate;
import io.spime.testkit.TestPki;
import io.spime.testkit.TestVins;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.SignalRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The ingest and its downlink over real mutual TLS, and its refusal of a broker that will not have it. */
class IngestTlsTest {
  @TempDir static Path pkiDir;
  @TempDir Path dir;
  private static TestPki pki;
  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    pki = TestPki.create(pkiDir.resolve("ca"));
    TestCertificate server = pki.server();
    broker = EmbeddedBroker.start(BrokerTls.mutual(server.certificatePem(), server.privateKeyPem(), pki.caPem()));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static MqttSecurity identity(TestPki trusted, TestCertificate client) {
    return MqttSecurity.builder().trust(trusted.caPem())
        .clientCertificate(client.certificatePem(), client.privateKeyPem()).build();
  }

  /** Telemetry in, an ack and a desired state out: both directions of the ingest's connection over TLS. */
  private void ingestAndDownlinkWork(String url) throws Exception {
    AssetId vin = TestVins.random();
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins-" + url.hashCode() + ".db"));
        FleetIngest ingest = FleetIngest.builder(url, store).signingKey(TestKeys.SIGNER)
            .security(identity(pki, pki.client("cloud")))
            .firstConnectTimeout(Duration.ofSeconds(10)).build()) {
      ingest.start();
      try (FakeCar car = new FakeCar(url, vin, identity(pki, pki.client(vin.value())))) {
        car.telemetry(1, System.currentTimeMillis(), 50);
        await().atMost(Duration.ofSeconds(30)).until(() -> car.highestAck() == 1);
        assertEquals(3, store.samplesApplied(vin));
        RegisteredCars.deliver(store, vin, "owner-1", Set.of(DataCategory.LOCATION));
        CollectionPolicy policy = new CollectionPolicy(2, Map.of(FakeCar.SPEED, SignalRule.periodic(Duration.ofSeconds(1))));
        long version = ingest.downlink().setPolicy(vin, policy);
        assertEquals(policy, car.awaitDesired(version).policy().orElseThrow());
      }
    }
  }

  @Test
  void the_ingest_and_its_downlink_work_over_mutual_tls_to_the_embedded_broker() throws Exception {
    ingestAndDownlinkWork(broker.tlsUrl().orElseThrow());
  }

  @Test
  void the_ingest_and_its_downlink_work_over_mutual_tls_to_mosquitto() throws Exception {
    assumeTrue(MosquittoProcess.binary().isPresent(), "mosquitto is not installed: skipped (CI installs it)");
    TestCertificate server = pki.server();
    try (MosquittoProcess mosquitto = MosquittoProcess.start(dir, "cafile " + pki.caPem() + "\ncertfile "
        + server.certificatePem() + "\nkeyfile " + server.privateKeyPem() + "\nrequire_certificate true\n"
        + "allow_anonymous true\n")) {
      ingestAndDownlinkWork("ssl://127.0.0.1:" + mosquitto.port());
    }
  }

  @Test
  void an_ingest_with_a_certificate_of_another_ca_fails_to_start_with_an_error_logged_once() throws Exception {
    TestPki other = TestPki.create(dir.resolve("other"), "another CA");
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger transportLog = (Logger) LoggerFactory.getLogger("io.spime.mqtt.internal.PahoTransport");
    log.start();
    transportLog.addAppender(log);
    try (TwinStore store = TwinStores.sqlite(dir.resolve("twins.db"));
        FleetIngest ingest = FleetIngest.builder(broker.tlsUrl().orElseThrow(), store)
            .security(identity(pki, other.client("cloud"))).firstConnectTimeout(Duration.ofSeconds(3)).build()) {
      FirstConnectException error = assertThrows(FirstConnectException.class, ingest::start);
      assertTrue(error.getMessage().contains(broker.tlsUrl().orElseThrow()) && error.getMessage().contains("TLS"),
          error.getMessage());
      assertTrue(error.getMessage().contains("attempt"), error.getMessage());
    } finally {
      transportLog.detachAppender(log);
    }
    long errors = log.list.stream().filter(e -> e.getLevel() == Level.ERROR).count();
    assertEquals(1, errors, "the same refusal is logged once, not once per retry: " + log.list);
  }
}
