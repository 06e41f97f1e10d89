package io.spime.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.mqtt.InvalidSecurityException;
import io.spime.mqtt.MqttSecurity;
import io.spime.testkit.TestCertificate;
import io.spime.testkit.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS from PEM files: a real mutual-TLS handshake against a local server that demands a client cert. */
class PemTlsTest {
  @TempDir Path dir;

  /** Accepts one TLS connection that must present a client certificate and echoes one byte. */
  private static CompletableFuture<Void> serveOnce(SSLServerSocket socket) {
    return CompletableFuture.runAsync(() -> {
      try (SSLSocket client = (SSLSocket) socket.accept()) {
        client.getOutputStream().write(client.getInputStream().read());
      } catch (IOException e) {
        // a refused handshake: the client's side of the test asserts it
      }
    });
  }

  private static SSLServerSocket serverSocket(TestCertificate server) throws IOException {
    SSLServerSocket socket = (SSLServerSocket) server.sslContext().getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    socket.setNeedClientAuth(true);
    return socket;
  }

  private static void talk(SSLSocketFactory factory, int port) throws IOException {
    try (SSLSocket socket = (SSLSocket) factory.createSocket(InetAddress.getLoopbackAddress(), port)) {
      socket.startHandshake();
      socket.getOutputStream().write(42);
      socket.getOutputStream().flush();
      if (socket.getInputStream().read() != 42) {
        throw new IOException("no echo");
      }
    }
  }

  @Test
  void a_client_certificate_and_pkcs8_key_from_pem_complete_a_mutual_tls_handshake() throws Exception {
    TestPki pki = TestPki.create(dir);
    TestCertificate server = pki.server();
    TestCertificate client = pki.client("WVWZZZ1JZXW000001");
    try (SSLServerSocket socket = serverSocket(server)) {
      CompletableFuture<Void> served = serveOnce(socket);
      talk(PemTls.socketFactory(MqttSecurity.builder().trust(pki.caPem())
          .clientCertificate(client.certificatePem(), client.privateKeyPem()).build()), socket.getLocalPort());
      served.get(10, TimeUnit.SECONDS);
    }
    try (SSLServerSocket socket = serverSocket(server)) {
      serveOnce(socket);
      SSLSocketFactory noClientCert = PemTls.socketFactory(MqttSecurity.builder().trust(pki.caPem()).build());
      assertThrows(IOException.class, () -> talk(noClientCert, socket.getLocalPort()),
          "a server that demands a client certificate refuses a client without one");
    }
  }

  @Test
  void unusable_pem_input_is_refused_naming_the_file() throws Exception {
    InvalidSecurityException half = assertThrows(InvalidSecurityException.class,
        () -> new MqttSecurity(java.util.Optional.empty(), java.util.Optional.of(dir.resolve("c.pem")),
            java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()));
    assertTrue(half.getMessage().contains("c.pem") && half.getMessage().contains("both"), half.getMessage());
    InvalidSecurityException missing = assertThrows(InvalidSecurityException.class,
        () -> PemTls.socketFactory(MqttSecurity.builder().trust(dir.resolve("nope.pem")).build()));
    assertTrue(missing.getMessage().contains("nope.pem"), missing.getMessage());
    Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    InvalidSecurityException garbage = assertThrows(InvalidSecurityException.class,
        () -> PemTls.socketFactory(MqttSecurity.builder().trust(dir.resolve("garbage.pem")).build()));
    assertTrue(garbage.getMessage().contains("garbage.pem"), garbage.getMessage());
    TestPki pki = TestPki.create(dir);
    TestCertificate client = pki.client("WVWZZZ1JZXW000001");
    Files.writeString(dir.resolve("pkcs1.pem"), "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
    InvalidSecurityException pkcs1 = assertThrows(InvalidSecurityException.class,
        () -> PemTls.socketFactory(MqttSecurity.builder().trust(pki.caPem())
            .clientCertificate(client.certificatePem(), dir.resolve("pkcs1.pem")).build()));
    assertTrue(pkcs1.getMessage().contains("pkcs1.pem") && pkcs1.getMessage().contains("openssl pkcs8"),
        pkcs1.getMessage());
    Files.writeString(dir.resolve("broken-key.pem"), "-----BEGIN PRIVATE KEY-----\nnot*base64\n-----END PRIVATE KEY-----\n");
    InvalidSecurityException broken = assertThrows(InvalidSecurityException.class,
        () -> PemTls.socketFactory(MqttSecurity.builder().trust(pki.caPem())
            .clientCertificate(client.certificatePem(), dir.resolve("broken-key.pem")).build()));
    assertTrue(broken.getMessage().contains("broken-key.pem"), broken.getMessage());
  }
}
