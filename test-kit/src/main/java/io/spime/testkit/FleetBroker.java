package io.spime.testkit;

import io.spime.broker.BrokerAccess;
import io.spime.broker.BrokerTls;
import io.spime.broker.EmbeddedBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A broker that enforces the fleet's identities over mutual TLS, for tests of who may do what: the
 * embedded broker with {@link BrokerAccess}, or a Mosquitto process running the project's shipped
 * {@code deploy/mosquitto} configuration (paths and port substituted). Identities are certificates
 * of one {@link TestPki}: {@link #identity(String)}.
 */
public final class FleetBroker implements AutoCloseable {
  /** The cloud's identity in both brokers' configuration. */
  public static final String CLOUD = "spime-cloud";

  private final String name;
  private final String url;
  private final TestPki pki;
  private final AutoCloseable process;
  private final boolean clientIdIsIdentity;

  private FleetBroker(String name, String url, TestPki pki, AutoCloseable process, boolean clientIdIsIdentity) {
    this.name = name;
    this.url = url;
    this.pki = pki;
    this.process = process;
    this.clientIdIsIdentity = clientIdIsIdentity;
  }

  /**
   * The embedded broker with a mutual-TLS listener trusting {@code pki} and {@link #CLOUD} as the
   * cloud identity.
   *
   * @throws io.spime.broker.BrokerException if it cannot start
   */
  public static FleetBroker embedded(TestPki pki) {
    TestCertificate server = pki.server();
    EmbeddedBroker broker = EmbeddedBroker.start(
        BrokerTls.mutual(server.certificatePem(), server.privateKeyPem(), pki.caPem()),
        BrokerAccess.builder().cloudIdentity(CLOUD).build());
    return new FleetBroker("embedded", broker.tlsUrl().orElseThrow(), pki, broker, false);
  }

  /**
   * Mosquitto with the shipped {@code deploy/mosquitto/mosquitto.conf} and {@code acl}, its paths
   * pointed at {@code pki}'s CA and server certificate and its listener at a free loopback port.
   *
   * @throws IllegalStateException if Mosquitto is not installed ({@link MosquittoProcess#binary()})
   *     or the shipped files are not found above the working directory
   */
  public static FleetBroker mosquitto(TestPki pki, Path dir) {
    Path shipped = shippedConfig();
    TestCertificate server = pki.server();
    try {
      Path acl = Files.copy(shipped.resolve("acl"), dir.resolve("acl"));
      int port = ClosedPort.find();
      String config = Files.readString(shipped.resolve("mosquitto.conf"))
          .replace("listener 8883", "listener " + port + " 127.0.0.1")
          .replace("/etc/mosquitto/spime/acl", acl.toString())
          .replace("/etc/mosquitto/spime/ca.pem", pki.caPem().toString())
          .replace("/etc/mosquitto/spime/server-key.pem", server.privateKeyPem().toString())
          .replace("/etc/mosquitto/spime/server.pem", server.certificatePem().toString());
      if (config.contains("/etc/mosquitto/spime/")) {
        throw new IllegalStateException("the shipped mosquitto.conf names a file this test does not provide");
      }
      MosquittoProcess mosquitto = MosquittoProcess.startConfig(dir, port, config);
      return new FleetBroker("mosquitto", "ssl://127.0.0.1:" + port, pki, mosquitto, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the shipped Mosquitto configuration in " + dir, e);
    }
  }

  /** The folder holding the shipped Mosquitto files, found above the working directory. */
  public static Path shippedConfig() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("deploy").resolve("mosquitto");
      if (Files.isRegularFile(candidate.resolve("mosquitto.conf"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no deploy/mosquitto/mosquitto.conf above " + Path.of("").toAbsolutePath());
  }

  /** "embedded" or "mosquitto", for test names. */
  public String name() {
    return name;
  }

  /** The {@code ssl://} URL clients connect to. */
  public String url() {
    return url;
  }

  /** The CA clients trust the broker's certificate with. */
  public Path caPem() {
    return pki.caPem();
  }

  /** A client certificate naming this identity (a VIN for a car, {@link #CLOUD} for the cloud). */
  public TestCertificate identity(String identity) {
    return pki.client(identity);
  }

  /**
   * Whether the broker replaces whatever client id a client sends with its identity (Mosquitto's
   * {@code use_username_as_clientid}) rather than refusing a client id that is not the identity's
   * (the embedded broker).
   */
  public boolean clientIdIsIdentity() {
    return clientIdIsIdentity;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Stops the broker (the Mosquitto process by its PID). */
  @Override
  public void close() {
    try {
      process.close();
    } catch (Exception e) {
      throw new IllegalStateException("the " + name + " broker did not stop cleanly", e);
    }
  }
}
