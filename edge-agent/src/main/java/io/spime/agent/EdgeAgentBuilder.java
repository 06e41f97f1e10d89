package io.spime.agent;

import io.spime.agent.internal.AgentSettings;
import io.spime.mqtt.InvalidSecurityException;
import io.spime.mqtt.MqttSecurity;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.MqttTransportFactory;
import io.spime.mqtt.MqttTransports;
import io.spime.wire.ClientIds;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.signing.DownlinkVerifier;
import io.spime.wire.signing.KeyFiles;
import io.spime.wire.signing.KeyId;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.ConsentSet;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Collects an agent's configuration; each setter checks its value and names it when wrong. Get one
 * from {@link EdgeAgent#builder}; the settings, their defaults and ranges are also in {@code
 * docs/edge-agent.md}.
 */
public final class EdgeAgentBuilder {
  private final AssetId vin;
  private final String brokerUrl;
  private final Path dataDir;
  private SignalCatalog catalog = SignalCatalog.builtIn();
  private Duration batchWindow = Duration.ofSeconds(1);
  private int maxBatchSamples = 5_000;
  private AckMode ackMode = AckMode.CLOUD;
  private Duration backoffInitial = Duration.ofMillis(500);
  private Duration backoffCap = Duration.ofSeconds(60);
  private long outboxMaxBytes = 256L * 1024 * 1024;
  private AgentFatalErrorHandler onFatalError = AgentFatalErrorHandler.none();
  private int journalSegmentBytes = 4 * 1024 * 1024;
  private int maxUnacked = 256;
  private Duration ackTimeout = Duration.ofSeconds(15);
  private CollectionPolicy policy = CollectionPolicy.collectEverything();
  private ConsentSet consent = ConsentSet.nonPersonalOnly();
  private @Nullable ScheduledExecutorService scheduler;
  private @Nullable ActuatorSink actuator;
  private final List<SignalSource> sources = new ArrayList<>();
  private Clock clock = Clock.systemUTC();
  private final MqttSettings.Builder mqtt;
  private MqttTransportFactory transport = MqttTransports.paho();
  private final Map<KeyId, PublicKey> downlinkKeys = new LinkedHashMap<>();

  EdgeAgentBuilder(AssetId vin, String brokerUrl, Path dataDir) {
    this.vin = Objects.requireNonNull(vin, "vin");
    this.brokerUrl = Objects.requireNonNull(brokerUrl, "brokerUrl");
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.mqtt = MqttSettings.builder(brokerUrl, ClientIds.car(vin));
  }

  /** The signal catalog (default: the built-in one). */
  public EdgeAgentBuilder catalog(SignalCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    return this;
  }

  /** How long samples gather before they are sealed into a batch (default 1 s; 10 ms to 1 h). */
  public EdgeAgentBuilder batchWindow(Duration batchWindow) {
    this.batchWindow = between("batchWindow", batchWindow, Duration.ofMillis(10), Duration.ofHours(1));
    return this;
  }

  /** Most samples in one batch (default 5,000; 1 to 100,000). */
  public EdgeAgentBuilder maxBatchSamples(int maxBatchSamples) {
    this.maxBatchSamples = within("maxBatchSamples", maxBatchSamples, 1, 100_000);
    return this;
  }

  /**
   * What happens when an agent thread fails with an unexpected error (default {@link
   * AgentFatalErrorHandler#none()}: the agent stops and {@link EdgeAgent#isHealthy()} turns false).
   */
  public EdgeAgentBuilder onFatalError(AgentFatalErrorHandler handler) {
    this.onFatalError = Objects.requireNonNull(handler, "handler");
    return this;
  }

  /** When outbox rows may be deleted (default {@link AckMode#CLOUD}). */
  public EdgeAgentBuilder ackMode(AckMode ackMode) {
    this.ackMode = Objects.requireNonNull(ackMode, "ackMode");
    return this;
  }

  /** Reconnect delays: full jitter under initial * 2^n, capped (default 500 ms, 60 s). */
  public EdgeAgentBuilder reconnectBackoff(Duration initial, Duration cap) {
    this.backoffInitial = between("reconnectBackoff initial", initial, Duration.ofMillis(1), Duration.ofHours(1));
    this.backoffCap = between("reconnectBackoff cap", cap, initial, Duration.ofHours(24));
    return this;
  }

  /** Bytes the outbox may hold before it evicts (default 256 MB; at least 64 KB). */
  public EdgeAgentBuilder outboxMaxBytes(long outboxMaxBytes) {
    if (outboxMaxBytes < 64 * 1024) {
      throw new IllegalArgumentException("outboxMaxBytes must be at least 65536, was " + outboxMaxBytes);
    }
    this.outboxMaxBytes = outboxMaxBytes;
    return this;
  }

  /** Size of each of the two journal files (default 4 MB; 64 KB to 1 GB). */
  public EdgeAgentBuilder journalSegmentBytes(int journalSegmentBytes) {
    this.journalSegmentBytes = within("journalSegmentBytes", journalSegmentBytes, 64 * 1024, 1 << 30);
    return this;
  }

  /** Most messages sent but not yet acknowledged by the cloud (default 256). */
  public EdgeAgentBuilder maxUnacked(int maxUnacked) {
    this.maxUnacked = within("maxUnacked", maxUnacked, 1, 1_000_000);
    return this;
  }

  /**
   * After this long without the cloud's ack advancing, resend from the oldest (default 15 s); each
   * resend that brings no ack doubles the wait, up to 8 times this, and an ack brings it back.
   */
  public EdgeAgentBuilder ackTimeout(Duration ackTimeout) {
    this.ackTimeout = between("ackTimeout", ackTimeout, Duration.ofMillis(100), Duration.ofHours(1));
    return this;
  }

  /** Messages in flight to the broker at once (default 16). */
  public EdgeAgentBuilder maxInFlight(int maxInFlight) {
    mqtt.maxInFlight(within("maxInFlight", maxInFlight, 1, 65_535));
    return this;
  }

  /** MQTT keep-alive (default 30 s): how soon a dead link is noticed. */
  public EdgeAgentBuilder keepAlive(Duration keepAlive) {
    mqtt.keepAlive(between("keepAlive", keepAlive, Duration.ofSeconds(1), Duration.ofHours(18)));
    return this;
  }

  /** How long one connect attempt may take (default 10 s). */
  public EdgeAgentBuilder connectTimeout(Duration connectTimeout) {
    mqtt.connectTimeout(between("connectTimeout", connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(5)));
    return this;
  }

  /** User name and password for the broker. */
  public EdgeAgentBuilder credentials(String username, char[] password) {
    mqtt.credentials(Objects.requireNonNull(username, "username"), Objects.requireNonNull(password, "password"));
    return this;
  }

  /** TLS for an {@code ssl://} broker: a socket factory with the CA and, for mutual TLS, the key. */
  public EdgeAgentBuilder tls(SSLSocketFactory tls) {
    mqtt.tls(Objects.requireNonNull(tls, "tls"));
    return this;
  }

  /**
   * TLS, mutual TLS and credentials for the broker (see {@link MqttSecurity}); with an {@code ssl://}
   * broker and no CA file the JVM's default trust store is used. Replaces earlier {@link #tls} and
   * {@link #credentials} settings where it sets the same thing.
   *
   * @throws InvalidSecurityException if TLS files are given for a {@code tcp://} broker or a PEM file
   *     cannot be read or parsed (the message names it)
   */
  public EdgeAgentBuilder security(MqttSecurity security) {
    mqtt.security(Objects.requireNonNull(security, "security"));
    return this;
  }

  /** The collection policy until the cloud sends one (default: every sample of every signal). */
  public EdgeAgentBuilder policy(CollectionPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /** The consent until the cloud sends one (default: {@link ConsentSet#nonPersonalOnly()}). */
  public EdgeAgentBuilder consent(ConsentSet consent) {
    this.consent = Objects.requireNonNull(consent, "consent");
    return this;
  }

  /** Where driver profiles from the cloud are applied (default: none; such requests are rejected). */
  public EdgeAgentBuilder actuator(ActuatorSink actuator) {
    this.actuator = Objects.requireNonNull(actuator, "actuator");
    return this;
  }

  /**
   * Pins a public key of the cloud under its key id: desired state and commands are accepted only
   * when signed by a pinned key. Call once per key; pin the old and the new key during a rotation.
   * Without any, every desired state and command is refused (see docs/edge-agent.md).
   *
   * @throws IllegalArgumentException if the key is not an Ed25519 public key
   */
  public EdgeAgentBuilder downlinkKey(KeyId keyId, PublicKey key) {
    Objects.requireNonNull(keyId, "keyId");
    DownlinkVerifier.of(Map.of(keyId, Objects.requireNonNull(key, "key")));
    downlinkKeys.put(keyId, key);
    return this;
  }

  /**
   * Pins the cloud's public key from a PEM file (X.509 SubjectPublicKeyInfo); see {@link
   * #downlinkKey}.
   *
   * @throws io.spime.wire.signing.KeyFileException naming the file if it holds no Ed25519 public key
   */
  public EdgeAgentBuilder downlinkKeyFile(KeyId keyId, Path publicKeyPem) {
    return downlinkKey(keyId, KeyFiles.readPublicKey(Objects.requireNonNull(publicKeyPem, "publicKeyPem")));
  }

  /** A source of samples, started with the agent and closed with it; may be called repeatedly. */
  public EdgeAgentBuilder source(SignalSource source) {
    sources.add(Objects.requireNonNull(source, "source"));
    return this;
  }

  /**
   * The MQTT client library (default: {@link MqttTransports#paho()}, four threads per car). Many
   * agents in one JVM share threads with spime-mqtt-hivemq's {@code HiveMqTransports.factory()}.
   */
  public EdgeAgentBuilder transport(MqttTransportFactory transport) {
    this.transport = Objects.requireNonNull(transport, "transport");
    return this;
  }

  /** A pool shared by many agents (the agent does not shut it down); default: its own 2 threads. */
  public EdgeAgentBuilder scheduler(ScheduledExecutorService scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  /** The clock for birth, status and event times (default: the system clock, UTC). */
  public EdgeAgentBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Checks the whole configuration.
   *
   * @throws InvalidAgentConfigException naming the field that is wrong
   */
  public EdgeAgent build() {
    if (journalSegmentBytes / 4 < 4096 + 64) {
      throw new InvalidAgentConfigException("journalSegmentBytes " + journalSegmentBytes + " is too small");
    }
    MqttSettings settings;
    try {
      settings = mqtt.build();
    } catch (InvalidSecurityException e) {
      throw new InvalidAgentConfigException(e.getMessage(), e);
    }
    return new EdgeAgent(new AgentSettings(vin, settings, dataDir, catalog, batchWindow,
        maxBatchSamples, ackMode, backoffInitial, backoffCap, outboxMaxBytes, journalSegmentBytes,
        maxUnacked, ackTimeout, policy, consent, Optional.ofNullable(scheduler), clock,
        AgentVersion.current(), Optional.ofNullable(actuator),
        downlinkKeys.isEmpty() ? Optional.empty() : Optional.of(DownlinkVerifier.of(downlinkKeys)), transport),
        sources, onFatalError);
  }

  private static int within(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
    }
    return value;
  }

  private static Duration between(String name, Duration value, Duration min, Duration max) {
    Objects.requireNonNull(value, name);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }
}
