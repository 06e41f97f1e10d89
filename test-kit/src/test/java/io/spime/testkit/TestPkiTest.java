package io.spime.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateExpiredException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiTest {
  @TempDir Path dir;

  @Test
  void a_client_certificate_names_its_identity_and_its_files_are_owner_only() throws Exception {
    TestPki pki = TestPki.create(dir);
    TestCertificate car = pki.client("WVWZZZ1JZXW000001");
    assertEquals("CN=WVWZZZ1JZXW000001", car.certificate().getSubjectX500Principal().getName());
    car.certificate().verify(pki.caCertificate().getPublicKey());
    for (Path file : List.of(car.certificatePem(), car.privateKeyPem(), car.caPem())) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
    }
    assertTrue(Files.readString(car.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----"));
    assertTrue(Files.readString(car.caPem()).startsWith("-----BEGIN CERTIFICATE-----"));
  }

  @Test
  void a_server_certificate_names_the_loopback_address() throws Exception {
    Collection<List<?>> names = TestPki.create(dir).server().certificate().getSubjectAlternativeNames();
    assertTrue(names.contains(List.of(7, "127.0.0.1")), names.toString());
    assertTrue(names.contains(List.of(2, "localhost")), names.toString());
  }

  @Test
  void the_expired_certificates_are_expired() {
    TestPki pki = TestPki.create(dir);
    assertThrows(CertificateExpiredException.class, () -> pki.expiredClient("cloud").certificate().checkValidity());
    assertThrows(CertificateExpiredException.class, () -> pki.expiredServer().certificate().checkValidity());
  }

  @Test
  void mutual_tls_succeeds_with_the_same_ca_and_fails_with_another() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("a"));
    TestPki other = TestPki.create(dir.resolve("b"), "another CA");
    SSLContext server = pki.server().sslContext();
    assertEquals(42, exchange(server, pki.client("cloud").sslContext()));
    assertThrows(IOException.class, () -> exchange(server, other.client("cloud").sslContext()));
    assertThrows(IOException.class, () -> exchange(server, pki.expiredClient("cloud").sslContext()));
    assertThrows(IOException.class, () -> exchange(other.server().sslContext(), pki.client("cloud").sslContext()));
  }

  /** One mutual-TLS round trip of a byte; throws if either side refuses the handshake. */
  private static int exchange(SSLContext serverContext, SSLContext clientContext) throws Exception {
    try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setNeedClientAuth(true);
      CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
        try (SSLSocket peer = (SSLSocket) listener.accept()) {
          peer.getOutputStream().write(peer.getInputStream().read());
          peer.getOutputStream().flush();
        } catch (IOException e) {
          // the client sees the refusal too; the test asserts on the client's side
        }
      });
      try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory()
          .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
        socket.startHandshake();
        socket.getOutputStream().write(42);
        socket.getOutputStream().flush();
        int echoed = socket.getInputStream().read();
        if (echoed < 0) {
          throw new IOException("the server closed the connection");
        }
        return echoed;
      } finally {
        served.get(10, TimeUnit.SECONDS);
      }
    }
  }
}
