package io.spime.testkit;

import io.spime.broker.EmbeddedBroker;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The MQTT brokers tests run against: the JVM's shared embedded one, and SPIME_MQTT_URL's when set. */
public final class TestBrokers {
  /** The environment variable naming an external broker, such as {@code tcp://127.0.0.1:1883}. */
  public static final String ENV = "SPIME_MQTT_URL";

  private static final Logger LOG = LoggerFactory.getLogger(TestBrokers.class);
  private static final AtomicBoolean TOLD_UNSET = new AtomicBoolean();

  private TestBrokers() {}

  /**
   * The broker shared by every test of this JVM, started on first use and never stopped by a test.
   *
   * @throws io.spime.broker.BrokerException if it cannot start
   */
  public static EmbeddedBroker embedded() {
    return EmbeddedBroker.shared();
  }

  /**
   * The shared embedded broker's URL.
   *
   * @throws io.spime.broker.BrokerException if it cannot start
   */
  public static String embeddedUrl() {
    return embedded().url();
  }

  /**
   * The external broker's URL from {@value #ENV}; empty, with a one-time log line saying so, when it
   * is unset or blank.
   *
   * @throws IllegalStateException if it is set but is not {@code tcp://host:port} or {@code ssl://host:port}
   */
  public static Optional<String> external() {
    return external(System.getenv(ENV));
  }

  /**
   * The parameters of an interop test: the embedded broker's URL, then the external one's when
   * {@value #ENV} is set.
   *
   * @throws IllegalStateException if {@value #ENV} is set but malformed
   */
  public static List<String> all() {
    List<String> urls = new ArrayList<>();
    urls.add(embeddedUrl());
    external().ifPresent(urls::add);
    return urls;
  }

  static Optional<String> external(String value) {
    if (value == null || value.isBlank()) {
      if (TOLD_UNSET.compareAndSet(false, true)) {
        LOG.info("{} is not set: interop tests run against the embedded broker only; set it to an "
            + "MQTT 5 broker's URL (CI: tcp://127.0.0.1:1883, see .ci/run) to run them there too", ENV);
      }
      return Optional.empty();
    }
    String url = value.strip();
    if (!wellFormed(url)) {
      throw new IllegalStateException(ENV + " must be tcp://host:port or ssl://host:port, was '" + value
          + "'; unset it to test against the embedded broker only");
    }
    return Optional.of(url);
  }

  private static boolean wellFormed(String url) {
    try {
      URI uri = new URI(url);
      return ("tcp".equals(uri.getScheme()) || "ssl".equals(uri.getScheme()))
          && uri.getHost() != null && uri.getPort() > 0;
    } catch (URISyntaxException e) {
      return false; // reported by the caller with the variable's name and value
    }
  }
}
