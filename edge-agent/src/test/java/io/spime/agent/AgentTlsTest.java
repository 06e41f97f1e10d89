package io.spime.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.state.ConsentSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The agent over real mutual TLS (its certificate's CN is its VIN), and what it says when refused. */
class AgentTlsTest {
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

  private void deliversOverTls(String url) {
    AssetId vin = TestVins.random();
    try (TestCloud cloud = new TestCloud(url, SignalCatalog.builtIn(), identity(pki, pki.client("cloud")));
        EdgeAgent agent = EdgeAgent.builder(vin, url, dir.resolve(vin.value()))
            .security(identity(pki, pki.client(vin.value())))
            .batchWindow(Duration.ofMillis(100)).consent(ConsentSet.all())
            .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500)).build()) {
      agent.start();
      for (int i = 0; i < 100; i++) {
        agent.record("Vehicle.Speed", 1_700_000_000_000L + i * 10L, i);
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> cloud.samples(vin).size() == 100);
      await().atMost(Duration.ofSeconds(30)).until(() -> agent.stats().backlogBatches() == 0);
      assertTrue(agent.stats().connected());
    }
  }

  @Test
  void an_agent_delivers_over_mutual_tls_to_the_embedded_broker() {
    deliversOverTls(broker.tlsUrl().orElseThrow());
  }

  @Test
  void an_agent_delivers_over_mutual_tls_to_mosquitto() {
    assumeTrue(MosquittoProcess.binary().isPresent(), "mosquitto is not installed: skipped (CI installs it)");
    TestCertificate server = pki.server();
    try (MosquittoProcess mosquitto = MosquittoProcess.start(dir, "cafile " + pki.caPem() + "\ncertfile "
        + server.certificatePem() + "\nkeyfile " + server.privateKeyPem() + "\nrequire_certificate true\n"
        + "allow_anonymous true\n")) {
      deliversOverTls("ssl://127.0.0.1:" + mosquitto.port());
    }
  }

  @Test
  void an_agent_that_does_not_trust_the_broker_says_so_once_at_error_while_it_retries() {
    TestPki other = TestPki.create(dir.resolve("other"), "another CA");
    ListAppender<ILoggingEvent> errors = new ListAppender<>();
    ListAppender<ILoggingEvent> attempts = new ListAppender<>();
    Logger transportLog = (Logger) LoggerFactory.getLogger("io.spime.mqtt.internal.PahoTransport");
    Logger uplinkLog = (Logger) LoggerFactory.getLogger("io.spime.agent.internal.Uplink");
    Level uplinkLevel = uplinkLog.getLevel();
    errors.start();
    attempts.start();
    transportLog.addAppender(errors);
    uplinkLog.addAppender(attempts);
    uplinkLog.setLevel(Level.DEBUG);
    AssetId vin = TestVins.random();
    try (EdgeAgent agent = EdgeAgent.builder(vin, broker.tlsUrl().orElseThrow(), dir.resolve("agent"))
        .security(identity(other, pki.client(vin.value())))
        .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100)).build()) {
      agent.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> attempts.list.stream()
          .filter(e -> e.getFormattedMessage().contains("failed")).count() >= 4);
      assertFalse(agent.stats().connected());
    } finally {
      transportLog.detachAppender(errors);
      uplinkLog.detachAppender(attempts);
      uplinkLog.setLevel(uplinkLevel);
    }
    List<String> logged = errors.list.stream().filter(e -> e.getLevel() == Level.ERROR)
        .map(ILoggingEvent::getFormattedMessage).toList();
    assertEquals(1, logged.size(), "one ERROR for four or more refused attempts: " + logged);
    assertTrue(logged.get(0).contains("not signed by a CA this client trusts"), logged.get(0));
  }
}
