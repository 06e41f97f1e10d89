package io.spime.twin.sync;

import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.twin.TwinStore;
import io.spime.twin.sync.internal.IngestEngine;
import io.spime.twin.sync.internal.IngestOptions;
import io.spime.wire.SignalCatalog;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The cloud side of MQTT sync: takes the fleet's uplink from the broker, checks every message,
 * applies telemetry to the {@link TwinStore} in batched transactions and acks to each car the
 * highest sequence that is durable.
 *
 * <p>With a share group, several ingest processes split one fleet through an MQTT 5 shared
 * subscription ({@code $share/{group}/spime/v1/+/telemetry}) with no code change.
 */
public final class FleetIngest implements AutoCloseable {
  private final IngestEngine engine;

  private FleetIngest(IngestEngine engine) {
    this.engine = engine;
  }

  /**
   * A builder for an ingest reading from the broker at {@code brokerUrl} into {@code store}.
   *
   * @throws IllegalArgumentException if the URL is not {@code tcp://host:port} or {@code ssl://…}
   */
  public static Builder builder(String brokerUrl, TwinStore store) {
    return new Builder(brokerUrl, store);
  }

  /**
   * Connects and subscribes. Afterwards the ingest reconnects by itself whenever the link drops.
   *
   * @throws io.spime.mqtt.TransportException if the broker cannot be reached now
   */
  public void start() {
    engine.start();
  }

  /** Counters since start. */
  public IngestStats stats() {
    return engine.stats();
  }

  /** Whether the ingest's link to the broker is up. */
  public boolean isConnected() {
    return engine.isConnected();
  }

  /** Applies what has arrived, acks it, and disconnects. */
  @Override
  public void close() {
    engine.close();
  }

  /** Configures a {@link FleetIngest}. */
  public static final class Builder {
    private final String brokerUrl;
    private final TwinStore store;
    private String clientId = "spime-ingest-" + UUID.randomUUID();
    private String shareGroup;
    private SignalCatalog catalog = SignalCatalog.builtIn();
    private int maxBatchesPerTransaction = 500;
    private Duration maxApplyDelay = Duration.ofMillis(20);
    private int queueCapacity = 10_000;
    private DurabilityListener durabilityListener = (batch, committedMillis) -> {};

    private Builder(String brokerUrl, TwinStore store) {
      MqttSettings.parseUrl(brokerUrl);
      this.brokerUrl = brokerUrl;
      this.store = Objects.requireNonNull(store, "store");
    }

    /** The MQTT client id (default: random). */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      return this;
    }

    /** Join this MQTT 5 share group, so several ingest processes split the fleet. */
    public Builder shareGroup(String shareGroup) {
      Topics.shared(shareGroup, TopicKind.TELEMETRY);
      this.shareGroup = shareGroup;
      return this;
    }

    /** The catalog telemetry is decoded with (default: the built-in one). */
    public Builder catalog(SignalCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /** Most batches applied in one store transaction (default 500). */
    public Builder maxBatchesPerTransaction(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxBatchesPerTransaction must be 1 or more, was " + max);
      }
      this.maxBatchesPerTransaction = max;
      return this;
    }

    /** Longest a message waits for others to share its transaction (default 20 ms). */
    public Builder maxApplyDelay(Duration delay) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("maxApplyDelay must not be negative, was " + delay);
      }
      this.maxApplyDelay = delay;
      return this;
    }

    /** Messages held between the broker and the store before the broker is slowed (default 10,000). */
    public Builder queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("queueCapacity must be 1 or more, was " + capacity);
      }
      this.queueCapacity = capacity;
      return this;
    }

    /** Told of every batch that became durable, before its ack goes out (default: nobody). */
    public Builder onDurable(DurabilityListener listener) {
      this.durabilityListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public FleetIngest build() {
      IngestOptions options =
          new IngestOptions(
              catalog,
              Optional.ofNullable(shareGroup),
              maxBatchesPerTransaction,
              maxApplyDelay,
              queueCapacity,
              durabilityListener);
      MqttSettings settings =
          MqttSettings.builder(brokerUrl, clientId)
              .cleanStart(shareGroup == null)
              .maxInFlight(64)
              .build();
      return new FleetIngest(
          new IngestEngine(store, options, listener -> createTransport(settings, listener)));
    }

    private static MqttTransport createTransport(
        MqttSettings settings, io.spime.mqtt.TransportListener listener) {
      return MqttTransports.paho(settings, listener);
    }
  }
}
