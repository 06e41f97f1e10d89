package io.spime.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import io.spime.broker.internal.AccessExtension;
import io.spime.broker.internal.Identities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 broker running inside this JVM on a free loopback port, with in-memory persistence.
 *
 * <p>Start one with {@link #start()}, connect to {@link #url()}, and close it when done. It can be
 * stopped and started again on the same port ({@link #restart()}) to simulate a broker restart.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

  private static EmbeddedBroker shared;

  private final Path home;
  private final int port;
  private final Optional<BrokerTls> tls;
  private final int tlsPort;
  private final BrokerAccess access;
  private EmbeddedHiveMQ hivemq;

  private EmbeddedBroker(Path home, int port) {
    this(home, port, Optional.empty(), BrokerAccess.open());
  }

  private EmbeddedBroker(Path home, int port, Optional<BrokerTls> tls, BrokerAccess access) {
    this.home = home;
    this.port = port;
    this.tls = tls;
    this.tlsPort = tls.isPresent() ? freePort() : -1;
    this.access = Objects.requireNonNull(access, "access");
  }

  /**
   * Starts a broker on a free port of 127.0.0.1.
   *
   * @throws BrokerException if the broker cannot start
   */
  public static EmbeddedBroker start() {
    EmbeddedBroker broker = new EmbeddedBroker(newHome(), freePort());
    broker.launch();
    return broker;
  }

  /**
   * Starts a broker with its TCP listener and a TLS listener ({@link #tlsUrl()}), each on a free port
   * of 127.0.0.1.
   *
   * @throws BrokerException if the broker cannot start or the PEM files cannot be read
   */
  public static EmbeddedBroker start(BrokerTls tls) {
    return start(tls, BrokerAccess.open());
  }

  /**
   * Starts a broker on a free port of 127.0.0.1 that enforces these identities and the fleet's topic
   * rule (unless {@code access} is {@link BrokerAccess#open()}); identities log in with a username
   * and password.
   *
   * @throws BrokerException if the broker cannot start
   */
  public static EmbeddedBroker start(BrokerAccess access) {
    EmbeddedBroker broker = new EmbeddedBroker(newHome(), freePort(), Optional.empty(), access);
    broker.launch();
    return broker;
  }

  /**
   * Starts a broker with a TLS listener beside the TCP one that enforces these identities: on the TLS
   * listener a client certificate's CN is the identity (with {@link BrokerTls} requiring client
   * certificates, that is mutual TLS), elsewhere a username and password.
   *
   * @throws BrokerException if the broker cannot start or the PEM files cannot be read
   */
  public static EmbeddedBroker start(BrokerTls tls, BrokerAccess access) {
    Path home = newHome();
    EmbeddedBroker broker = new EmbeddedBroker(home, freePort(), Optional.of(tls), access);
    try {
      broker.launch();
    } catch (RuntimeException e) {
      deleteQuietly(home);
      throw e;
    }
    return broker;
  }

  private static Path newHome() {
    try {
      return Files.createTempDirectory("spime-broker-");
    } catch (IOException e) {
      throw new BrokerException("cannot create the broker's working folder", e);
    }
  }

  /**
   * One broker for the whole JVM, started on first use and stopped when the JVM exits: what test
   * suites share, since a broker takes a second to start and four to stop. Do not stop or restart it;
   * start an own broker for that.
   *
   * @throws BrokerException if the broker cannot start
   */
  public static synchronized EmbeddedBroker shared() {
    if (shared == null) {
      EmbeddedBroker broker = start();
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "spime-broker-shutdown"));
      shared = broker;
    }
    return shared;
  }

  /** The URL clients connect to, such as {@code tcp://127.0.0.1:40123}. */
  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** The TLS listener's URL, such as {@code ssl://127.0.0.1:40124}, if the broker has one. */
  public Optional<String> tlsUrl() {
    return tls.map(ignored -> "ssl://127.0.0.1:" + tlsPort);
  }

  /** The TCP port the broker listens on. */
  public int port() {
    return port;
  }

  /** Whether the broker is accepting connections. */
  public synchronized boolean isRunning() {
    return hivemq != null;
  }

  /**
   * Stops the broker; every client loses its connection. Retained messages and sessions are lost.
   *
   * @throws BrokerException if the broker does not stop cleanly
   */
  public synchronized void stop() {
    if (hivemq == null) {
      return;
    }
    try {
      hivemq.stop().join();
      hivemq.close();
    } catch (CompletionException | IllegalStateException e) {
      throw new BrokerException("broker on port " + port + " did not stop cleanly", e);
    } catch (Exception e) {
      throw new BrokerException("broker on port " + port + " did not close cleanly", e);
    } finally {
      hivemq = null;
    }
    LOG.info("MQTT broker on port {} stopped", port);
  }

  /**
   * Starts the broker again on the same port after {@link #stop()}.
   *
   * @throws BrokerException if the broker cannot start
   */
  public synchronized void restart() {
    stop();
    launch();
  }

  /** Stops the broker and deletes its working folder. */
  @Override
  public void close() {
    try {
      stop();
    } finally {
      deleteQuietly(home);
    }
  }

  private synchronized void launch() {
    try {
      Path config = Files.createDirectories(home.resolve("conf"));
      Files.writeString(config.resolve("config.xml"), BrokerConfig.xml(port, tlsListener(config)));
      EmbeddedHiveMQBuilder builder =
          EmbeddedHiveMQ.builder()
              .withConfigurationFolder(config)
              .withDataFolder(Files.createDirectories(home.resolve("data")))
              .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
              .withoutLoggingBootstrap();
      if (access.enforced()) {
        builder.withEmbeddedExtension(AccessExtension.embedded(identities(access)));
      }
      EmbeddedHiveMQ started = builder.build();
      started.start().join();
      hivemq = started;
    } catch (IOException e) {
      throw new BrokerException("cannot write the broker's configuration under " + home, e);
    } catch (CompletionException e) {
      throw new BrokerException("broker did not start on port " + port, e.getCause());
    }
    LOG.info("MQTT broker listening on {}{} ({})", url(), tlsUrl().map(url -> " and " + url).orElse(""),
        access);
  }

  /** The access this broker enforces. */
  public BrokerAccess access() {
    return access;
  }

  private static Identities identities(BrokerAccess access) {
    return new Identities() {
      @Override
      public Set<String> cloud() {
        return access.cloudIdentities();
      }

      @Override
      public boolean passwordMatches(String identity, char[] password) {
        return access.passwordMatches(identity, password);
      }
    };
  }

  /** Writes the TLS listener's key stores under {@code config}; its XML, or "" without TLS. */
  private String tlsListener(Path config) {
    if (tls.isEmpty()) {
      return "";
    }
    String password = UUID.randomUUID().toString();
    Path keyStore = config.resolve("tls-keystore.p12");
    BrokerKeyStores.writeKeyStore(tls.get(), keyStore, password.toCharArray());
    Optional<Path> trustStore = tls.get().requiredClientCaPem().map(ca -> {
      Path store = config.resolve("tls-truststore.p12");
      BrokerKeyStores.writeTrustStore(ca, store, password.toCharArray());
      return store;
    });
    return BrokerConfig.tlsListener(tlsPort, keyStore, password, trustStore);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new BrokerException("no free loopback port for the broker", e);
    }
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("could not delete the broker folder {}: {}", root, e.toString());
    }
  }
}
