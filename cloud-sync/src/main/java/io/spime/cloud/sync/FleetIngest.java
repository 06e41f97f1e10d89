package io.spime.cloud.sync;

import io.spime.cloud.sync.internal.FirstConnect;
import io.spime.cloud.sync.internal.IngestEngine;
import io.spime.cloud.sync.internal.IngestOptions;
import io.spime.cloud.sync.internal.MemberSession;
import io.spime.mqtt.MqttSecurity;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.MqttTransports;
import io.spime.twin.TwinStore;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.signing.DownlinkSigner;
import io.spime.wire.signing.KeyId;
import io.spime.wire.telemetry.TelemetryCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The cloud side of MQTT sync: takes the fleet's uplink from the broker, checks every message, applies
 * telemetry, events and reports to the {@link TwinStore} in batched transactions and acks to each car
 * the highest sequence that is durable; records online/offline. Its {@link #downlink()} sends the
 * fleet's desired state (collection policy, consent, driver profile) and commands back.
 *
 * <p>With a share group, several ingest processes split one fleet through an MQTT 5 shared
 * subscription ({@code $share/{group}/spime/v1/+/telemetry}) with no code change; a {@link
 * Builder#member member} name lets a restarted process resume its own session.
 */
public final class FleetIngest implements AutoCloseable {
  private final IngestEngine engine;
  private final FleetDownlink downlink;
  private final String brokerUrl;
  private final Duration firstConnectTimeout;

  private FleetIngest(IngestEngine engine, String brokerUrl, Duration firstConnectTimeout) {
    this.engine = engine;
    this.downlink = new FleetDownlink(engine);
    this.brokerUrl = brokerUrl;
    this.firstConnectTimeout = firstConnectTimeout;
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
   * Connects and subscribes, retrying with back-off for up to the builder's {@code
   * firstConnectTimeout} (default 60 s) while the broker is absent or refuses. Afterwards the ingest
   * reconnects by itself whenever the link drops.
   *
   * @throws FirstConnectException if no connect succeeded within {@code firstConnectTimeout}
   */
  public void start() {
    FirstConnect.retry(engine::start, brokerUrl, firstConnectTimeout);
  }

  /**
   * The downlink of this ingest's connection: desired state (collection policy, consent, driver
   * profiles) and commands to the cars.
   */
  public FleetDownlink downlink() {
    return downlink;
  }

  /** Counters since start. */
  public IngestStats stats() {
    return engine.stats();
  }

  /** What waits in the queue between the broker and the store now. */
  public QueueDepth queueDepth() {
    return engine.queueDepth();
  }

  /** Whether the ingest's link to the broker is up. */
  public boolean isConnected() {
    return engine.isConnected();
  }

  /**
   * False once a thread of the ingest failed with an error it could not handle (see {@link
   * FatalErrorHandler}): the ingest has then stopped taking messages for good. For a readiness or
   * liveness probe.
   */
  public boolean isHealthy() {
    return engine.failure().isEmpty();
  }

  /** The error that ended the ingest, if one did. */
  public Optional<Throwable> failure() {
    return engine.failure();
  }

  /** Applies what has arrived, acks it, and disconnects. */
  @Override
  public void close() {
    engine.close();
  }

  /** Configures a {@link FleetIngest}. */
  public static final class Builder {
    /** Default of {@link #queueBytes}: 64 MiB of payloads. */
    public static final long DEFAULT_QUEUE_BYTES = 64L * 1024 * 1024;
    /** Default of {@link #firstConnectTimeout}: 60 s. */
    public static final Duration DEFAULT_FIRST_CONNECT_TIMEOUT = Duration.ofSeconds(60);
    /** Default of {@link #memberSessionExpiry}: 30 s. */
    public static final Duration DEFAULT_MEMBER_SESSION_EXPIRY = MemberSession.DEFAULT_EXPIRY;

    private final String brokerUrl;
    private final TwinStore store;
    private String clientId;
    private String shareGroup;
    private String member;
    private Duration memberSessionExpiry = DEFAULT_MEMBER_SESSION_EXPIRY;
    private SignalCatalog catalog = SignalCatalog.builtIn();
    private int maxBatchesPerTransaction = 500;
    private Duration maxApplyDelay = Duration.ofMillis(20);
    private int queueCapacity = 10_000;
    private long queueBytes = DEFAULT_QUEUE_BYTES;
    private FatalErrorHandler fatalErrorHandler = FatalErrorHandler.exitProcess();
    private DurabilityListener durabilityListener = (batch, committedMillis) -> {};
    private TransactionListener transactionListener = (messages, nanos, committed) -> {};
    private MqttSecurity security = MqttSecurity.none();
    private Duration firstConnectTimeout = DEFAULT_FIRST_CONNECT_TIMEOUT;
    private DownlinkSigner signer;

    private Builder(String brokerUrl, TwinStore store) {
      MqttSettings.parseUrl(brokerUrl);
      this.brokerUrl = brokerUrl;
      this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The MQTT client id (default: {@code spime-ingest-{group}-{member}} for a {@link #member}, else
     * random). A client id set here keeps the session rules of {@link #member} or its absence.
     */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      return this;
    }

    /**
     * This process's stable name in its share group ({@code [A-Za-z0-9._-]}, 1 to 64 characters), so
     * that after a crash it resumes its own MQTT session and takes the messages the broker held for it;
     * the session ends {@link #memberSessionExpiry} after the member went away. No two running
     * processes of one group may share a name. Without a member the session ends with the connection.
     *
     * @throws IllegalArgumentException if the name is empty, too long or has other characters
     */
    public Builder member(String name) {
      this.member = MemberSession.checkName(name);
      return this;
    }

    /**
     * How long the broker keeps a {@link #member}'s session after it went away (default {@link
     * #DEFAULT_MEMBER_SESSION_EXPIRY}): while it is kept, a broker such as Mosquitto still hands the
     * session its share of the fleet's messages.
     *
     * @throws IllegalArgumentException if not between 1 s and 1 h
     */
    public Builder memberSessionExpiry(Duration expiry) {
      this.memberSessionExpiry = MemberSession.checkExpiry(expiry);
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

    /**
     * Payload bytes held between the broker and the store before the broker is slowed (default
     * {@link #DEFAULT_QUEUE_BYTES}); the queue is full at this many bytes or at {@link
     * #queueCapacity} messages, whichever comes first. The apply thread holds up to about 64 MiB
     * more of decoded messages while it checks and stores a group.
     *
     * @throws IllegalArgumentException if below {@link TelemetryCodec#MAX_PAYLOAD_BYTES}, the
     *     largest payload
     */
    public Builder queueBytes(long bytes) {
      if (bytes < TelemetryCodec.MAX_PAYLOAD_BYTES) {
        throw new IllegalArgumentException("queueBytes must be at least "
            + TelemetryCodec.MAX_PAYLOAD_BYTES + " (the largest payload), was " + bytes);
      }
      this.queueBytes = bytes;
      return this;
    }

    /**
     * Called when a thread of the ingest fails with an error it cannot handle (default: {@link
     * FatalErrorHandler#exitProcess()}, which ends the process with exit code {@value
     * FatalErrorHandler#EXIT_CODE}).
     *
     * @throws NullPointerException if {@code handler} is null
     */
    public Builder onFatalError(FatalErrorHandler handler) {
      this.fatalErrorHandler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** Told of every batch that became durable, before its ack goes out (default: nobody). */
    public Builder onDurable(DurabilityListener listener) {
      this.durabilityListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Told of every store transaction of the apply thread and its duration (default: nobody).
     *
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder onTransaction(TransactionListener listener) {
      this.transactionListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * TLS, mutual TLS and credentials of the ingest's connection, which its downlink shares (see
     * {@link MqttSecurity}); default none: plain {@code tcp://}, or {@code ssl://} checked against the
     * JVM's default trust store.
     *
     * @throws io.spime.mqtt.InvalidSecurityException if TLS files are given for a {@code tcp://}
     *     broker or a PEM file cannot be read or parsed (the message names it)
     */
    public Builder security(MqttSecurity security) {
      MqttSettings.builder(brokerUrl, "spime-ingest-check").security(Objects.requireNonNull(security, "security"));
      this.security = security;
      return this;
    }

    /**
     * The key that signs every desired state and command of the {@link FleetIngest#downlink()}
     * (default: none, and the downlink refuses to send with a {@link NoSigningKeyException}).
     *
     * @throws NullPointerException if {@code signer} is null
     */
    public Builder signingKey(DownlinkSigner signer) {
      this.signer = Objects.requireNonNull(signer, "signer");
      return this;
    }

    /**
     * How long {@link FleetIngest#start()} keeps retrying its first connect (default {@link
     * #DEFAULT_FIRST_CONNECT_TIMEOUT}); zero: one attempt.
     */
    public Builder firstConnectTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("firstConnectTimeout must not be negative, was " + timeout);
      }
      this.firstConnectTimeout = timeout;
      return this;
    }

    /**
     * Signs the downlink with the Ed25519 private key of a PKCS#8 PEM file (owner-only), named
     * {@code keyId} as the cars pin its public key; see {@link #signingKey}.
     *
     * @throws io.spime.wire.signing.KeyFileException naming the file if it cannot be read, is not
     *     owner-only or holds no Ed25519 private key
     */
    public Builder signingKeyFile(KeyId keyId, Path privateKeyPem) {
      return signingKey(DownlinkSigner.fromPemFile(Objects.requireNonNull(keyId, "keyId"),
          Objects.requireNonNull(privateKeyPem, "privateKeyPem")));
    }

    /** The ingest, not started yet ({@link FleetIngest#start()}). */
    public FleetIngest build() {
      IngestOptions options =
          new IngestOptions(
              catalog,
              Optional.ofNullable(shareGroup),
              maxBatchesPerTransaction,
              maxApplyDelay,
              queueCapacity,
              queueBytes,
              durabilityListener,
              transactionListener,
              fatalErrorHandler,
              Optional.ofNullable(signer));
      MemberSession session =
          MemberSession.of(Optional.ofNullable(shareGroup), Optional.ofNullable(member), memberSessionExpiry);
      MqttSettings settings =
          MqttSettings.builder(brokerUrl, clientId == null ? session.clientId() : clientId)
              .cleanStart(session.cleanStart())
              .sessionExpiry(session.expiry())
              .maxInFlight(64)
              .security(security)
              .build();
      return new FleetIngest(
          new IngestEngine(store, options, listener -> createTransport(settings, listener)), brokerUrl,
          firstConnectTimeout);
    }

    private static MqttTransport createTransport(
        MqttSettings settings, io.spime.mqtt.TransportListener listener) {
      return MqttTransports.paho(settings, listener);
    }
  }
}
