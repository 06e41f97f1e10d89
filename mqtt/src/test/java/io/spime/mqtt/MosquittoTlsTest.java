package io.spime.mqtt;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.spime.testkit.MosquittoProcess;
import io.spime.testkit.TestCertificate;
import io.spime.testkit.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport against a Mosquitto process with a TLS listener and a password file, started here. */
class MosquittoTlsTest {
  @TempDir Path dir;

  @BeforeEach
  void needsMosquitto() {
    assumeTrue(MosquittoProcess.binary().isPresent(),
        "mosquitto is not installed: the Mosquitto TLS tests are skipped (CI installs it)");
  }

  private static String tlsSettings(TestPki pki, TestCertificate server) {
    return "cafile " + pki.caPem() + "\ncertfile " + server.certificatePem() + "\nkeyfile " + server.privateKeyPem()
        + "\nrequire_certificate true\nallow_anonymous true\n";
  }

  @Test
  void mutual_tls_to_mosquitto_carries_messages_and_refuses_a_certificate_of_another_ca() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("ca"));
    TestPki other = TestPki.create(dir.resolve("other"), "another CA");
    try (MosquittoProcess mosquitto = MosquittoProcess.start(dir, tlsSettings(pki, pki.server()))) {
      String url = "ssl://127.0.0.1:" + mosquitto.port();
      TestCertificate cloud = pki.client("cloud");
      TlsProbe.roundTrip(url, MqttSecurity.builder().trust(pki.caPem())
          .clientCertificate(cloud.certificatePem(), cloud.privateKeyPem()).build());
      TestCertificate stranger = other.client("cloud");
      try (MqttTransport transport = TlsProbe.transport(url, MqttSecurity.builder().trust(pki.caPem())
          .clientCertificate(stranger.certificatePem(), stranger.privateKeyPem()).build(), (t, p) -> {})) {
        TransportException refused = assertThrows(TransportException.class, transport::connect);
        assertTrue(refused.getMessage().contains("TLS"), refused.getMessage() + "\n" + mosquitto.log());
      }
    }
  }

  @Test
  void a_wrong_password_is_refused_with_a_clear_error_and_the_right_one_connects() throws Exception {
    assumeTrue(MosquittoProcess.passwordTool().isPresent(), "mosquitto_passwd is not installed: skipped");
    Path passwords = MosquittoProcess.passwordFile(dir.resolve("passwords"), "cloud", "right-password");
    try (MosquittoProcess mosquitto = MosquittoProcess.start(dir,
            "allow_anonymous false\npassword_file " + passwords + "\n");
        TlsProbe probe = new TlsProbe()) {
      String url = "tcp://127.0.0.1:" + mosquitto.port();
      try (MqttTransport transport = TlsProbe.transport(url,
          MqttSecurity.builder().username("cloud").password("wrong").build(), (t, p) -> {})) {
        TransportException refused = assertThrows(TransportException.class, transport::connect);
        assertTrue(refused.getMessage().contains("refused the user name or password")
            || refused.getMessage().contains("not authorized"), refused.getMessage());
        assertTrue(probe.errors().stream().anyMatch(line -> line.contains(url)), probe.errors().toString());
      }
      TlsProbe.roundTrip(url, MqttSecurity.builder().username("cloud").password("right-password").build());
    }
  }
}
