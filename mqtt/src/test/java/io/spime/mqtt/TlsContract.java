package io.spime.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.spime.broker.BrokerTls;
import io.spime.broker.EmbeddedBroker;
import io.spime.testkit.MosquittoProcess;
import io.spime.testkit.TestCertificate;
import io.spime.testkit.TestPki;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every transport does over TLS, with certificates made here: against the embedded broker's TLS
 * listener, and against a Mosquitto process (skipped, saying so, where Mosquitto is not installed).
 */
public abstract class TlsContract {
  /** Paho's "SocketFactory type does not match the broker URI": what ssl:// without TLS settings gave. */
  private static final int PAHO_SOCKET_FACTORY_MISMATCH = 32105;

  @TempDir static Path dir;
  @TempDir Path ownDir;
  private static TestPki pki;
  private static TestPki otherCa;
  private static EmbeddedBroker broker;
  private static String url;

  @BeforeAll
  static void startBroker() {
    pki = TestPki.create(dir.resolve("ca"));
    otherCa = TestPki.create(dir.resolve("other"), "another CA");
    TestCertificate server = pki.server();
    broker = EmbeddedBroker.start(BrokerTls.mutual(server.certificatePem(), server.privateKeyPem(), pki.caPem()));
    url = broker.tlsUrl().orElseThrow();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  /** The transports under test. */
  protected abstract MqttTransportFactory factory();

  private MqttTransport transport(String brokerUrl, MqttSecurity security) {
    return TlsProbe.transport(factory(), brokerUrl, security, (t, p) -> {});
  }

  private static MqttSecurity mutual(TestPki trusted, TestCertificate client) {
    return MqttSecurity.builder().trust(trusted.caPem())
        .clientCertificate(client.certificatePem(), client.privateKeyPem()).build();
  }

  @Test
  void mutual_tls_carries_messages_through_the_embedded_brokers_tls_listener() throws Exception {
    TlsProbe.roundTrip(factory(), url, mutual(pki, pki.client("cloud")));
  }

  @Test
  void a_client_certificate_from_another_ca_is_refused_and_logged_once_at_error() {
    try (TlsProbe probe = new TlsProbe();
        MqttTransport transport = transport(url, mutual(pki, otherCa.client("cloud")))) {
      for (int attempt = 0; attempt < 3; attempt++) {
        TransportException refused = assertThrows(TransportException.class, transport::connect);
        assertTrue(refused.getMessage().contains("TLS"), refused.getMessage());
        assertNotEquals(PAHO_SOCKET_FACTORY_MISMATCH, refused.reasonCode());
      }
      List<String> errors = probe.errors();
      assertEquals(1, errors.size(), "one ERROR for three refusals of the same kind: " + errors);
      assertTrue(errors.get(0).contains(url), errors.get(0));
    }
  }

  @Test
  void an_untrusted_server_certificate_is_refused_naming_the_certificate_problem() {
    try (TlsProbe probe = new TlsProbe();
        MqttTransport transport = transport(url, mutual(otherCa, pki.client("cloud")))) {
      TransportException refused = assertThrows(TransportException.class, transport::connect);
      assertTrue(refused.getMessage().contains("not signed by a CA this client trusts"), refused.getMessage());
      assertNotEquals(PAHO_SOCKET_FACTORY_MISMATCH, refused.reasonCode());
      assertTrue(probe.errors().stream().anyMatch(line -> line.contains("not signed by a CA this client trusts")),
          probe.errors().toString());
    }
  }

  @Test
  void ssl_without_a_ca_file_checks_the_broker_against_the_jvm_trust_store() {
    TestCertificate client = pki.client("cloud");
    MqttSecurity noCa = MqttSecurity.builder().clientCertificate(client.certificatePem(), client.privateKeyPem()).build();
    try (MqttTransport transport = transport(url, noCa)) {
      TransportException refused = assertThrows(TransportException.class, transport::connect);
      assertTrue(refused.getMessage().contains("not signed by a CA this client trusts"), refused.getMessage());
    }
    try (MqttTransport transport = transport(url, MqttSecurity.none())) {
      TransportException refused = assertThrows(TransportException.class, transport::connect);
      assertNotEquals(PAHO_SOCKET_FACTORY_MISMATCH, refused.reasonCode(), refused.getMessage());
      assertFalse(transport.isConnected());
    }
  }

  @Test
  void an_expired_server_certificate_is_refused_as_expired() {
    TestCertificate expired = pki.expiredServer();
    try (EmbeddedBroker stale = EmbeddedBroker.start(
            BrokerTls.serverOnly(expired.certificatePem(), expired.privateKeyPem()));
        MqttTransport transport = transport(stale.tlsUrl().orElseThrow(),
            MqttSecurity.builder().trust(pki.caPem()).build())) {
      TransportException refused = assertThrows(TransportException.class, transport::connect);
      assertTrue(refused.getMessage().contains("outside its validity period"), refused.getMessage());
    }
  }

  @Test
  void a_server_certificate_that_does_not_name_the_host_is_refused() {
    TestCertificate elsewhere = pki.server("elsewhere", List.of("broker.example.org"));
    try (EmbeddedBroker misnamed = EmbeddedBroker.start(
            BrokerTls.serverOnly(elsewhere.certificatePem(), elsewhere.privateKeyPem()));
        MqttTransport transport = transport(misnamed.tlsUrl().orElseThrow(),
            MqttSecurity.builder().trust(pki.caPem()).build())) {
      TransportException refused = assertThrows(TransportException.class, transport::connect);
      assertTrue(refused.getMessage().contains("does not name the host"), refused.getMessage());
    }
  }

  @Test
  void mutual_tls_to_mosquitto_carries_messages_and_refuses_a_certificate_of_another_ca() throws Exception {
    assumeTrue(MosquittoProcess.binary().isPresent(),
        "mosquitto is not installed: the Mosquitto TLS tests are skipped (CI installs it)");
    TestCertificate server = pki.server();
    String listener = "cafile " + pki.caPem() + "\ncertfile " + server.certificatePem() + "\nkeyfile "
        + server.privateKeyPem() + "\nrequire_certificate true\nallow_anonymous true\n";
    try (MosquittoProcess mosquitto = MosquittoProcess.start(ownDir, listener)) {
      String mosquittoUrl = "ssl://127.0.0.1:" + mosquitto.port();
      TlsProbe.roundTrip(factory(), mosquittoUrl, mutual(pki, pki.client("cloud")));
      try (MqttTransport transport = transport(mosquittoUrl, mutual(pki, otherCa.client("cloud")))) {
        TransportException refused = assertThrows(TransportException.class, transport::connect);
        assertTrue(refused.getMessage().contains("TLS"), refused.getMessage() + "\n" + mosquitto.log());
      }
    }
  }

  @Test
  void a_wrong_password_is_refused_by_mosquitto_with_a_clear_error_and_the_right_one_connects() throws Exception {
    assumeTrue(MosquittoProcess.binary().isPresent() && MosquittoProcess.passwordTool().isPresent(),
        "mosquitto or mosquitto_passwd is not installed: skipped (CI installs them)");
    Path passwords = MosquittoProcess.passwordFile(ownDir.resolve("passwords"), "cloud", "right-password");
    try (MosquittoProcess mosquitto = MosquittoProcess.start(ownDir,
            "allow_anonymous false\npassword_file " + passwords + "\n");
        TlsProbe probe = new TlsProbe()) {
      String plainUrl = "tcp://127.0.0.1:" + mosquitto.port();
      try (MqttTransport transport = transport(plainUrl,
          MqttSecurity.builder().username("cloud").password("wrong").build())) {
        TransportException refused = assertThrows(TransportException.class, transport::connect);
        assertTrue(refused.getMessage().contains("refused the user name or password")
            || refused.getMessage().contains("not authorized"), refused.getMessage());
        assertTrue(refused.reasonCode() == 0x86 || refused.reasonCode() == 0x87 || refused.reasonCode() == 5,
            "reason " + refused.reasonCode());
        assertTrue(probe.errors().stream().anyMatch(line -> line.contains(plainUrl)), probe.errors().toString());
      }
      TlsProbe.roundTrip(factory(), plainUrl, MqttSecurity.builder().username("cloud").password("right-password").build());
    }
  }
}
