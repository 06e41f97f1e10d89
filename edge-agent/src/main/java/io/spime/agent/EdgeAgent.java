package io.spime.agent;

import io.spime.agent.internal.AgentCore;
import io.spime.agent.internal.AgentSettings;
import io.spime.mqtt.MqttSettings;
import io.spime.wire.CollectionPolicy;
import io.spime.wire.Command;
import io.spime.wire.CommandOutcome;
import io.spime.wire.ConsentSet;
import io.spime.wire.DesiredState;
import io.spime.wire.SignalCatalog;
import io.spime.wire.SignalDefinition;
import io.spime.wire.SignalValue;
import io.spime.wire.VehicleEvent;
import io.spime.wire.Vin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;

/**
 * The agent on a car's telematics unit: keeps what {@link #record} accepts in a crash-safe outbox
 * and delivers it over MQTT 5 to the vehicle's cloud twin, exactly once in effect. Create one with
 * {@link #builder}, then {@link #start()} it; start with {@code docs/edge-agent.md}.
 */
public final class EdgeAgent implements AutoCloseable, SampleSink {
  private final AgentSettings config;
  private final java.util.List<SignalSource> sources;
  private volatile AgentCore core;
  private volatile boolean closed;

  private EdgeAgent(AgentSettings config, java.util.List<SignalSource> sources) {
    this.config = config;
    this.sources = java.util.List.copyOf(sources);
  }

  /**
   * A builder for an agent of vehicle {@code vin} that talks to {@code brokerUrl} ({@code tcp://}
   * or {@code ssl://host:port}) and keeps its outbox under {@code dataDir}.
   *
   * @throws IllegalArgumentException if the broker URL is malformed
   */
  public static Builder builder(Vin vin, String brokerUrl, Path dataDir) {
    return new Builder(vin, brokerUrl, dataDir);
  }

  /**
   * Opens the outbox (sealing what an earlier run left in the journal) and starts connecting in the
   * background. Never waits for, nor fails on, an unreachable broker.
   *
   * @throws OutboxException if the data directory cannot be used
   * @throws AgentClosedException if the agent was closed
   */
  public synchronized void start() {
    if (closed) {
      throw new AgentClosedException("agent " + config.vin() + " is closed");
    }
    if (core == null) {
      core = AgentCore.start(config);
      for (SignalSource source : sources) {
        source.start(this);
      }
    }
  }

  /**
   * Records a numeric sample of the signal at {@code vssPath}. See {@link #record(int, long, double)}.
   *
   * @throws io.spime.wire.UnknownSignalException if the catalog has no such signal
   * @throws IllegalArgumentException if the signal is not numeric, or the value is NaN or infinite
   * @throws AgentClosedException if the agent is not started or closed
   */
  @Override
  public void record(String vssPath, long timeMillis, double value) {
    AgentCore started = started();
    started.record(started.signal(vssPath), timeMillis, number(vssPath, value));
  }

  /**
   * Records a boolean sample.
   *
   * @throws io.spime.wire.UnknownSignalException if the catalog has no such signal
   * @throws IllegalArgumentException if the signal is not boolean
   * @throws AgentClosedException if the agent is not started or closed
   */
  @Override
  public void record(String vssPath, long timeMillis, boolean value) {
    AgentCore started = started();
    started.record(started.signal(vssPath), timeMillis, SignalValue.of(value));
  }

  /**
   * Records a text sample.
   *
   * @throws io.spime.wire.UnknownSignalException if the catalog has no such signal
   * @throws IllegalArgumentException if the signal is not a string, or the text exceeds 4 KB
   * @throws AgentClosedException if the agent is not started or closed
   */
  @Override
  public void record(String vssPath, long timeMillis, String value) {
    AgentCore started = started();
    started.record(started.signal(vssPath), timeMillis, SignalValue.of(Objects.requireNonNull(value, "value")));
  }

  /**
   * Records a numeric sample by catalog id. Thread-safe; never waits on the network. When it
   * returns normally the sample either survives a kill of the process (and, for CRITICAL signals, a
   * power cut), or was refused and counted in {@link #stats()} (no consent, collection policy,
   * outbox full of higher-priority data).
   *
   * @throws io.spime.wire.UnknownSignalException if the catalog has no such signal
   * @throws IllegalArgumentException if the signal is not numeric, the value is NaN or infinite, or
   *     not whole for an integer signal, or the time is negative
   * @throws AgentClosedException if the agent is not started or closed
   * @throws OutboxException if the journal is full and the outbox cannot take its contents
   */
  public void record(int signalId, long timeMillis, double value) {
    AgentCore started = started();
    SignalDefinition signal = started.signal(signalId);
    started.record(signal, timeMillis, number(signal.path(), value));
  }

  /**
   * Records a boolean sample by catalog id.
   *
   * @throws io.spime.wire.UnknownSignalException if the catalog has no such signal
   * @throws IllegalArgumentException if the signal is not boolean
   * @throws AgentClosedException if the agent is not started or closed
   */
  public void record(int signalId, long timeMillis, boolean value) {
    AgentCore started = started();
    started.record(started.signal(signalId), timeMillis, SignalValue.of(value));
  }

  /**
   * Records a text sample by catalog id.
   *
   * @throws io.spime.wire.UnknownSignalException if the catalog has no such signal
   * @throws IllegalArgumentException if the signal is not a string, or the text exceeds 4 KB
   * @throws AgentClosedException if the agent is not started or closed
   */
  public void record(int signalId, long timeMillis, String value) {
    AgentCore started = started();
    started.record(started.signal(signalId), timeMillis, SignalValue.of(Objects.requireNonNull(value, "value")));
  }

  /**
   * Records a discrete event (DTC, crash, ignition …). It is written to the outbox before this
   * returns (with a full fsync), in the same sequence as telemetry. An event whose category lacks
   * consent, or that finds the outbox full of higher-priority data, is refused and counted.
   *
   * @throws AgentClosedException if the agent is not started or closed
   * @throws OutboxException if the outbox cannot store it
   * @throws io.spime.wire.OversizedPayloadException if the event (its attributes, say) makes a
   *     batch larger than {@link io.spime.wire.EventCodec#MAX_PAYLOAD_BYTES}
   */
  @Override
  public void raise(VehicleEvent event) {
    started().raise(Objects.requireNonNull(event, "event"));
  }

  /**
   * Calls {@code listener} with every desired state the agent applied (on the agent's thread).
   *
   * @throws AgentClosedException if the agent is not started or closed
   */
  public void onDesired(Consumer<DesiredState> listener) {
    started().onDesired(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Calls {@code handler} with every command the agent answered and its outcome (on the agent's
   * thread). The agent executes flush, snapshot and apply-profile itself.
   *
   * @throws AgentClosedException if the agent is not started or closed
   */
  public void onCommand(BiConsumer<Command, CommandOutcome> handler) {
    started().onCommand(Objects.requireNonNull(handler, "handler"));
  }

  /** What the agent did so far and where it stands; zeros before {@link #start()}. */
  public AgentStats stats() {
    AgentCore started = core;
    return started == null ? AgentStats.empty() : started.stats();
  }

  /**
   * Seals the samples recorded so far into a batch now and wakes the uplink.
   *
   * @throws AgentClosedException if the agent is not started or closed
   * @throws OutboxException if the outbox cannot store the batch (the samples stay in the journal)
   */
  public void flush() {
    started().flush();
  }

  /**
   * Seals what is pending, says offline, disconnects cleanly and closes the outbox. Idempotent.
   *
   * @throws OutboxException if the last seal or closing the outbox fails (the journal keeps the
   *     samples for the next start)
   */
  @Override
  public synchronized void close() {
    closed = true;
    AgentCore started = core;
    try {
      for (SignalSource source : sources) {
        source.close();
      }
    } finally {
      if (started != null) {
        started.close();
      }
    }
  }

  /** The vehicle this agent speaks for. */
  public Vin vin() {
    return config.vin();
  }

  private AgentCore started() {
    AgentCore started = core;
    if (started == null || closed) {
      throw new AgentClosedException("agent " + config.vin()
          + (closed ? " is closed" : " is not started: call start() first"));
    }
    return started;
  }

  private static SignalValue number(String path, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(path + ": value must be a finite number, was " + value);
    }
    return new SignalValue.Number(value);
  }

  /** Collects an agent's configuration; each setter checks its value and names it when wrong. */
  public static final class Builder {
    private final Vin vin;
    private final String brokerUrl;
    private final Path dataDir;
    private SignalCatalog catalog = SignalCatalog.builtIn();
    private Duration batchWindow = Duration.ofSeconds(1);
    private int maxBatchSamples = 5_000;
    private AckMode ackMode = AckMode.CLOUD;
    private Duration backoffInitial = Duration.ofMillis(500);
    private Duration backoffCap = Duration.ofSeconds(60);
    private long outboxMaxBytes = 256L * 1024 * 1024;
    private int journalSegmentBytes = 4 * 1024 * 1024;
    private int maxUnacked = 256;
    private Duration ackTimeout = Duration.ofSeconds(15);
    private CollectionPolicy policy = CollectionPolicy.collectEverything();
    private ConsentSet consent = ConsentSet.nonPersonalOnly();
    private ScheduledExecutorService scheduler;
    private ActuatorSink actuator;
    private final java.util.List<SignalSource> sources = new java.util.ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private final MqttSettings.Builder mqtt;

    private Builder(Vin vin, String brokerUrl, Path dataDir) {
      this.vin = Objects.requireNonNull(vin, "vin");
      this.brokerUrl = Objects.requireNonNull(brokerUrl, "brokerUrl");
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
      this.mqtt = MqttSettings.builder(brokerUrl, "spime-agent-" + vin.value());
    }

    /** The signal catalog (default: the built-in one). */
    public Builder catalog(SignalCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /** How long samples gather before they are sealed into a batch (default 1 s; 10 ms to 1 h). */
    public Builder batchWindow(Duration batchWindow) {
      this.batchWindow = between("batchWindow", batchWindow, Duration.ofMillis(10), Duration.ofHours(1));
      return this;
    }

    /** Most samples in one batch (default 5,000; 1 to 100,000). */
    public Builder maxBatchSamples(int maxBatchSamples) {
      this.maxBatchSamples = within("maxBatchSamples", maxBatchSamples, 1, 100_000);
      return this;
    }

    /** When outbox rows may be deleted (default {@link AckMode#CLOUD}). */
    public Builder ackMode(AckMode ackMode) {
      this.ackMode = Objects.requireNonNull(ackMode, "ackMode");
      return this;
    }

    /** Reconnect delays: full jitter under initial * 2^n, capped (default 500 ms, 60 s). */
    public Builder reconnectBackoff(Duration initial, Duration cap) {
      this.backoffInitial = between("reconnectBackoff initial", initial, Duration.ofMillis(1), Duration.ofHours(1));
      this.backoffCap = between("reconnectBackoff cap", cap, initial, Duration.ofHours(24));
      return this;
    }

    /** Bytes the outbox may hold before it evicts (default 256 MB; at least 64 KB). */
    public Builder outboxMaxBytes(long outboxMaxBytes) {
      if (outboxMaxBytes < 64 * 1024) {
        throw new IllegalArgumentException("outboxMaxBytes must be at least 65536, was " + outboxMaxBytes);
      }
      this.outboxMaxBytes = outboxMaxBytes;
      return this;
    }

    /** Size of each of the two journal files (default 4 MB; 64 KB to 1 GB). */
    public Builder journalSegmentBytes(int journalSegmentBytes) {
      this.journalSegmentBytes = within("journalSegmentBytes", journalSegmentBytes, 64 * 1024, 1 << 30);
      return this;
    }

    /** Most messages sent but not yet acknowledged by the cloud (default 256). */
    public Builder maxUnacked(int maxUnacked) {
      this.maxUnacked = within("maxUnacked", maxUnacked, 1, 1_000_000);
      return this;
    }

    /** After this long without the cloud's ack advancing, resend from the oldest (default 15 s). */
    public Builder ackTimeout(Duration ackTimeout) {
      this.ackTimeout = between("ackTimeout", ackTimeout, Duration.ofMillis(100), Duration.ofHours(1));
      return this;
    }

    /** Messages in flight to the broker at once (default 16). */
    public Builder maxInFlight(int maxInFlight) {
      mqtt.maxInFlight(within("maxInFlight", maxInFlight, 1, 65_535));
      return this;
    }

    /** MQTT keep-alive (default 30 s): how soon a dead link is noticed. */
    public Builder keepAlive(Duration keepAlive) {
      mqtt.keepAlive(between("keepAlive", keepAlive, Duration.ofSeconds(1), Duration.ofHours(18)));
      return this;
    }

    /** How long one connect attempt may take (default 10 s). */
    public Builder connectTimeout(Duration connectTimeout) {
      mqtt.connectTimeout(between("connectTimeout", connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(5)));
      return this;
    }

    /** User name and password for the broker. */
    public Builder credentials(String username, char[] password) {
      mqtt.credentials(Objects.requireNonNull(username, "username"), Objects.requireNonNull(password, "password"));
      return this;
    }

    /** TLS for an {@code ssl://} broker: a socket factory with the CA and, for mutual TLS, the key. */
    public Builder tls(SSLSocketFactory tls) {
      mqtt.tls(Objects.requireNonNull(tls, "tls"));
      return this;
    }

    /** The collection policy until the cloud sends one (default: every sample of every signal). */
    public Builder policy(CollectionPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The consent until the cloud sends one (default: {@link ConsentSet#nonPersonalOnly()}). */
    public Builder consent(ConsentSet consent) {
      this.consent = Objects.requireNonNull(consent, "consent");
      return this;
    }

    /** Where driver profiles from the cloud are applied (default: none; such requests are rejected). */
    public Builder actuator(ActuatorSink actuator) {
      this.actuator = Objects.requireNonNull(actuator, "actuator");
      return this;
    }

    /** A source of samples, started with the agent and closed with it; may be called repeatedly. */
    public Builder source(SignalSource source) {
      sources.add(Objects.requireNonNull(source, "source"));
      return this;
    }

    /** A pool shared by many agents (the agent does not shut it down); default: its own 2 threads. */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** The clock for birth, status and event times (default: the system clock, UTC). */
    public Builder clock(Clock clock) {
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
      if (mqtt.build().serverUri().getScheme().equals("tcp") && mqtt.build().tls().isPresent()) {
        throw new InvalidAgentConfigException(
            "tls is set but brokerUrl " + brokerUrl + " is tcp://; use ssl://host:port");
      }
      return new EdgeAgent(new AgentSettings(vin, mqtt.build(), dataDir, catalog, batchWindow,
          maxBatchSamples, ackMode, backoffInitial, backoffCap, outboxMaxBytes, journalSegmentBytes,
          maxUnacked, ackTimeout, policy, consent, Optional.ofNullable(scheduler), clock,
          AgentVersion.current(), Optional.ofNullable(actuator)), sources);
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
}
