package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.broker.BrokerTls;
import io.spime.broker.EmbeddedBroker;
import io.spime.testkit.TestCertificate;
import io.spime.testkit.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spime-sim run} against a broker that requires mutual TLS: the ingest, the cars in this JVM
 * and a car in a child process (through the fault proxy) all connect with the TLS options given.
 */
class RunTlsTest {
  @TempDir Path dir;

  @Test
  void a_run_over_mutual_tls_reaches_every_twin_with_a_car_in_its_own_process() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"));
    TestCertificate server = pki.server();
    TestCertificate fleet = pki.client("fleet");
    Path scenario = Files.writeString(dir.resolve("tls.properties"),
        "base=commute\nname=tls\nkilledCars=1\nagentKillsPerCarPerHour=0\n");
    try (EmbeddedBroker broker = EmbeddedBroker.start(
        BrokerTls.mutual(server.certificatePem(), server.privateKeyPem(), pki.caPem()))) {
      CliRun run = CliRun.of("run", "--scenario", scenario.toString(), "--vehicles", "2", "--duration", "8s",
          "--broker", broker.tlsUrl().orElseThrow(), "--tls-ca", pki.caPem().toString(),
          "--tls-cert", fleet.certificatePem().toString(), "--tls-key", fleet.privateKeyPem().toString(),
          "--data-dir", dir.resolve("data").toString());
      assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
      assertTrue(run.out().contains("1 of them in a process of their own"), run.out());
    }
  }

  @Test
  void a_run_with_unusable_tls_options_exits_7() {
    CliRun run = CliRun.of("run", "--vehicles", "1", "--duration", "2s", "--broker", "ssl://127.0.0.1:1",
        "--tls-ca", dir.resolve("absent.pem").toString(), "--data-dir", dir.resolve("data").toString());
    assertEquals(ExitCodes.SECURITY_MISCONFIGURED, run.exitCode(), run.err());
    assertTrue(run.err().contains("absent.pem"), run.err());
    CliRun car = CliRun.of("car", "--vin", "1M8GDM9AXKP042788", "--index", "0", "--seed", "1",
        "--broker", "ssl://127.0.0.1:1", "--tls-cert", dir.resolve("car.pem").toString(),
        "--agent-dir", dir.resolve("agent").toString(), "--ledger", dir.resolve("ledger").toString(),
        "--scenario", "commute", "--drive-millis", "1000");
    assertEquals(ExitCodes.SECURITY_MISCONFIGURED, car.exitCode(), car.err());
    assertTrue(car.err().contains("--tls-key"), car.err());
  }
}
