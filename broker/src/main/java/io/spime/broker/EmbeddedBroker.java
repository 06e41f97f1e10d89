package io.spime.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
  private EmbeddedHiveMQ hivemq;

  private EmbeddedBroker(Path home, int port) {
    this.home = home;
    this.port = port;
  }

  /**
   * Starts a broker on a free port of 127.0.0.1.
   *
   * @throws BrokerException if the broker cannot start
   */
  public static EmbeddedBroker start() {
    Path home;
    try {
      home = Files.createTempDirectory("spime-broker-");
    } catch (IOException e) {
      throw new BrokerException("cannot create the broker's working folder", e);
    }
    EmbeddedBroker broker = new EmbeddedBroker(home, freePort());
    broker.launch();
    return broker;
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
      Files.writeString(config.resolve("config.xml"), BrokerConfig.xml(port));
      EmbeddedHiveMQ started =
          EmbeddedHiveMQ.builder()
              .withConfigurationFolder(config)
              .withDataFolder(Files.createDirectories(home.resolve("data")))
              .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
              .withoutLoggingBootstrap()
              .build();
      started.start().join();
      hivemq = started;
    } catch (IOException e) {
      throw new BrokerException("cannot write the broker's configuration under " + home, e);
    } catch (CompletionException e) {
      throw new BrokerException("broker did not start on port " + port, e.getCause());
    }
    LOG.info("MQTT broker listening on {}", url());
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
