package io.spime.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.agent.EdgeAgent;
import io.spime.broker.BrokerTls;
import io.spime.broker.EmbeddedBroker;
import io.spime.mqtt.MqttSecurity;
import io.spime.testkit.ClosedPort;
import io.spime.testkit.TestCertificate;
import io.spime.testkit.TestPki;
import io.spime.wire.AssetId;
import io.spime.wire.state.ConsentSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spime-sim cloud} over ssl:// to the embedded broker's mutual-TLS listener, and its exit codes. */
class CloudCommandTlsTest {
  private static final AssetId VIN = AssetId.parse("1M8GDM9AXKP042788");

  @TempDir static Path pkiDir;
  @TempDir Path dir;
  private static TestPki pki;
  private static EmbeddedBroker broker;
  private static String url;

  @BeforeAll
  static void startBroker() {
    pki = TestPki.create(pkiDir);
    TestCertificate server = pki.server();
    broker = EmbeddedBroker.start(BrokerTls.mutual(server.certificatePem(), server.privateKeyPem(), pki.caPem()));
    url = broker.tlsUrl().orElseThrow();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void cloud_ingests_a_car_over_mutual_tls() throws Exception {
    TestCertificate cloudCert = pki.client("cloud");
    Path store = dir.resolve("twins.db");
    CompletableFuture<CliRun> cloud = CompletableFuture.supplyAsync(() -> CliRun.of("cloud", "--broker", url,
        "--tls-ca", pki.caPem().toString(), "--tls-cert", cloudCert.certificatePem().toString(),
        "--tls-key", cloudCert.privateKeyPem().toString(), "--store", store.toString(), "--every", "1s",
        "--for", "12s"));
    TestCertificate carCert = pki.client(VIN.value());
    try (EdgeAgent agent = EdgeAgent.builder(VIN, url, dir.resolve("agent"))
        .security(MqttSecurity.builder().trust(pki.caPem())
            .clientCertificate(carCert.certificatePem(), carCert.privateKeyPem()).build())
        .consent(ConsentSet.all()).batchWindow(Duration.ofMillis(100)).ackTimeout(Duration.ofSeconds(1)).build()) {
      agent.start();
      agent.record("Vehicle.Speed", System.currentTimeMillis(), 42.5);
      agent.flush();
      await().atMost(Duration.ofSeconds(20))
          .until(() -> agent.stats().backlogBatches() == 0 && agent.stats().ackedSeq() >= 1);
    }
    CliRun run = cloud.get();
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("applied 1 batches (1 samples)"), run.out());
  }

  @Test
  void cloud_without_the_brokers_ca_is_refused_by_the_jvm_trust_store_and_exits_6() {
    TestCertificate cloudCert = pki.client("cloud");
    CliRun run = CliRun.of("cloud", "--broker", url, "--tls-cert", cloudCert.certificatePem().toString(),
        "--tls-key", cloudCert.privateKeyPem().toString(), "--store", dir.resolve("t.db").toString(),
        "--connect-timeout", "2s");
    assertEquals(ExitCodes.BROKER_UNREACHABLE, run.exitCode(), run.err());
    assertTrue(run.err().contains("ERROR") && run.err().contains("not signed by a CA this client trusts"), run.err());
    assertFalse(run.err().contains("32105"), run.err());
  }

  @Test
  void cloud_whose_broker_never_appears_retries_then_exits_6_with_one_error_line() {
    String absent = "tcp://127.0.0.1:" + ClosedPort.find();
    CliRun run = CliRun.of("cloud", "--broker", absent, "--store", dir.resolve("t.db").toString(),
        "--connect-timeout", "2s");
    assertEquals(ExitCodes.BROKER_UNREACHABLE, run.exitCode(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("spime-sim: ERROR: cloud: ") && run.err().contains(absent), run.err());
  }

  @Test
  void unusable_tls_options_exit_7_naming_the_problem() {
    TestCertificate cloudCert = pki.client("cloud");
    String store = dir.resolve("t.db").toString();
    CliRun missing = CliRun.of("cloud", "--broker", url, "--tls-ca", dir.resolve("absent.pem").toString(),
        "--store", store);
    assertEquals(ExitCodes.SECURITY_MISCONFIGURED, missing.exitCode(), missing.err());
    assertTrue(missing.err().contains("absent.pem"), missing.err());
    CliRun halfPair = CliRun.of("cloud", "--broker", url, "--tls-cert", cloudCert.certificatePem().toString(),
        "--store", store);
    assertEquals(ExitCodes.SECURITY_MISCONFIGURED, halfPair.exitCode(), halfPair.err());
    assertTrue(halfPair.err().contains("--tls-key"), halfPair.err());
    CliRun plain = CliRun.of("cloud", "--broker", broker.url(), "--tls-ca", pki.caPem().toString(), "--store", store);
    assertEquals(ExitCodes.SECURITY_MISCONFIGURED, plain.exitCode(), plain.err());
    assertTrue(plain.err().contains("ssl://"), plain.err());
    CliRun unsetPassword = CliRun.of("cloud", "--broker", url, "--username", "cloud",
        "--password-env", "SPIME_TEST_UNSET_PASSWORD_VARIABLE", "--store", store);
    assertEquals(ExitCodes.SECURITY_MISCONFIGURED, unsetPassword.exitCode(), unsetPassword.err());
  }
}
