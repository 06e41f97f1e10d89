package io.spime.cloud.service;

import io.spime.broker.EmbeddedBroker;
import io.spime.cloud.service.internal.Ingests;
import io.spime.cloud.service.internal.Readiness;
import io.spime.cloud.service.internal.Services;
import io.spime.cloud.service.internal.audit.AuditTrail;
import io.spime.cloud.service.internal.auth.DevIssuer;
import io.spime.cloud.service.internal.auth.TokenVerifier;
import io.spime.cloud.service.internal.http.HttpApi;
import io.spime.cloud.service.internal.metrics.ServiceMetrics;
import io.spime.cloud.sync.FleetIngest;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStores;
import io.spime.wire.files.OwnerOnlyFiles;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * spime-cloud running: the ingest and downlink on one broker connection, the twin store, and the
 * HTTP API with health, metrics and the twin explorer. {@link #close()} stops the API, lets the ingest
 * apply and ack what has arrived, then closes the store.
 */
public final class CloudService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CloudService.class);
  private final Deque<AutoCloseable> toClose;
  private final Services services;
  private final HttpApi http;
  private final String brokerUrl;
  private final boolean embeddedBroker;
  private boolean closed;

  private CloudService(Deque<AutoCloseable> toClose, Services services, HttpApi http, String brokerUrl,
      boolean embeddedBroker) {
    this.toClose = toClose;
    this.services = services;
    this.http = http;
    this.brokerUrl = brokerUrl;
    this.embeddedBroker = embeddedBroker;
  }

  /**
   * Starts everything the config asks for; on any failure, closes what it had started and throws.
   *
   * @throws InvalidConfigException if a setting or a file it names cannot be used
   * @throws io.spime.cloud.sync.FirstConnectException if the broker cannot be reached within 60 s
   * @throws io.spime.twin.exceptions.TwinStoreException if the store cannot be opened
   */
  public static CloudService start(CloudConfig config) {
    return start(config, ServiceHooks.NONE);
  }

  /**
   * As {@link #start(CloudConfig)}, with a test's or a benchmark's {@code hooks}.
   *
   * @throws InvalidConfigException if a setting or a file it names cannot be used
   */
  public static CloudService start(CloudConfig config, ServiceHooks hooks) {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      OwnerOnlyFiles.createDirectories(config.dataDir());
      String broker;
      boolean embedded = config.brokerUrl().isEmpty();
      if (embedded) {
        EmbeddedBroker b = EmbeddedBroker.start();
        opened.push(b);
        broker = b.url();
      } else {
        broker = config.brokerUrl().get();
      }
      TwinStore store = TwinStores.open(config.storeLocation());
      opened.push(store);
      AuditTrail audit = AuditTrail.open(config.dataDir().resolve("audit.db"));
      opened.push(audit);
      ServiceMetrics metrics = new ServiceMetrics();
      Readiness readiness = new Readiness();
      FleetIngest ingest = Ingests.build(config, broker, hooks.ingestStore().apply(store), metrics, readiness,
          hooks.onDurable());
      opened.push(ingest);
      ingest.start();
      metrics.bind(ingest);
      ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "spime-cloud-timer");
        t.setDaemon(true);
        return t;
      });
      opened.push(timer::shutdownNow);
      metrics.countCarsOnline(store, timer, Duration.ofSeconds(15));
      Optional<DevIssuer> dev = config.devIssuer() ? Optional.of(DevIssuer.openOrCreate(config)) : Optional.empty();
      if (dev.isPresent()) {
        LOG.warn("the development issuer's key {} is trusted: for demos and tests, not production",
            config.devIssuerKeyFile());
      }
      Services services = new Services(store, ingest, audit, metrics, readiness);
      HttpApi http = HttpApi.start(config, new TokenVerifier(config, dev), services);
      opened.push(http);
      return new CloudService(opened, services, http, broker, embedded);
    } catch (IOException e) {
      closeAll(opened);
      throw new InvalidConfigException("cannot create the data folder " + config.dataDir() + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      closeAll(opened);
      throw e;
    }
  }

  /** Where the HTTP API listens, such as {@code http://127.0.0.1:8080}. */
  public URI apiUrl() {
    return http.url();
  }

  /** The broker the ingest reads from. */
  public String brokerUrl() {
    return brokerUrl;
  }

  /** Whether the broker is the embedded one this service started. */
  public boolean embeddedBroker() {
    return embeddedBroker;
  }

  /** Whether the broker link and the store are up and no ingest thread died. */
  public boolean isReady() {
    return services.readiness().check(services).ready();
  }

  /** Stops the API, applies and acks what the ingest holds, closes the store and the embedded broker. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    LOG.info("spime-cloud stopping: API closed, ingest finishing its open group");
    closeAll(toClose);
    LOG.info("spime-cloud stopped");
  }

  private static void closeAll(Deque<AutoCloseable> opened) {
    while (!opened.isEmpty()) {
      AutoCloseable c = opened.pop();
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", c, e.getMessage(), e);
      }
    }
  }
}
