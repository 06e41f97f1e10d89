package io.spime.agent;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS from PEM files: a real mutual-TLS handshake against a local server that demands a client cert. */
class AgentTlsTest {
  @TempDir Path dir;

  private void openssl(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + output);
    }
  }

  private static boolean hasOpenssl() {
    try {
      return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** A CA, a server certificate in PKCS#12 and a client certificate with a PKCS#8 key, all by openssl. */
  private void makePki() throws Exception {
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca-key.pem", "-out", "ca.pem",
        "-days", "2", "-subj", "/CN=spime test CA");
    for (String who : new String[] {"server", "client"}) {
      openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", who + "-key.pem");
      openssl("req", "-new", "-key", who + "-key.pem", "-out", who + ".csr", "-subj", "/CN=" + who);
      openssl("x509", "-req", "-in", who + ".csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
          "-out", who + ".pem", "-days", "2");
    }
    openssl("pkcs12", "-export", "-in", "server.pem", "-inkey", "server-key.pem", "-out", "server.p12",
        "-passout", "pass:secret");
  }

  /** Accepts one TLS connection that must present a client certificate; completes when it is done. */
  private CompletableFuture<Void> server(SSLServerSocket socket) {
    return CompletableFuture.runAsync(() -> {
      try (SSLSocket client = (SSLSocket) socket.accept()) {
        client.startHandshake();
        try (InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
          out.write(in.read());
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  private SSLServerSocket serverSocket() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
      keys.load(in, "secret".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "secret".toCharArray());
    SSLSocketFactory trustCa = AgentTls.fromPem(dir.resolve("ca.pem"), Optional.empty(), Optional.empty());
    SSLContext context = SSLContext.getInstance("TLS");
    javax.net.ssl.TrustManagerFactory tmf =
        javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
        .generateCertificate(Files.newInputStream(dir.resolve("ca.pem"))));
    tmf.init(trust);
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    socket.setNeedClientAuth(true);
    assertTrue(trustCa != null);
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
    assumeTrue(hasOpenssl(), "openssl is needed to make the test certificates");
    makePki();
    try (SSLServerSocket socket = serverSocket()) {
      CompletableFuture<Void> served = server(socket);
      talk(AgentTls.fromPem(dir.resolve("ca.pem"), Optional.of(dir.resolve("client.pem")),
          Optional.of(dir.resolve("client-key.pem"))), socket.getLocalPort());
      served.get(10, TimeUnit.SECONDS);
    }
    try (SSLServerSocket socket = serverSocket()) {
      server(socket);
      SSLSocketFactory noClientCert = AgentTls.fromPem(dir.resolve("ca.pem"), Optional.empty(), Optional.empty());
      assertThrows(IOException.class, () -> talk(noClientCert, socket.getLocalPort()),
          "a server that demands a client certificate refuses a client without one");
    }
  }

  @Test
  void unusable_pem_input_is_refused_naming_the_file() throws Exception {
    InvalidAgentConfigException half = assertThrows(InvalidAgentConfigException.class,
        () -> AgentTls.fromPem(dir.resolve("ca.pem"), Optional.of(dir.resolve("c.pem")), Optional.empty()));
    assertTrue(half.getMessage().contains("both"), half.getMessage());
    InvalidAgentConfigException missing = assertThrows(InvalidAgentConfigException.class,
        () -> AgentTls.fromPem(dir.resolve("nope.pem"), Optional.empty(), Optional.empty()));
    assertTrue(missing.getMessage().contains("nope.pem"), missing.getMessage());
    Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    InvalidAgentConfigException garbage = assertThrows(InvalidAgentConfigException.class,
        () -> AgentTls.fromPem(dir.resolve("garbage.pem"), Optional.empty(), Optional.empty()));
    assertTrue(garbage.getMessage().contains("garbage.pem"), garbage.getMessage());
    assumeTrue(hasOpenssl(), "openssl is needed for the key cases");
    makePki();
    openssl("genrsa", "-traditional", "-out", "pkcs1.pem", "2048");
    InvalidAgentConfigException pkcs1 = assertThrows(InvalidAgentConfigException.class,
        () -> AgentTls.fromPem(dir.resolve("ca.pem"), Optional.of(dir.resolve("client.pem")),
            Optional.of(dir.resolve("pkcs1.pem"))));
    assertTrue(pkcs1.getMessage().contains("openssl pkcs8"), pkcs1.getMessage());
  }
}
