package io.spime.agent;

import io.spime.agent.internal.AgentCore;
import io.spime.agent.internal.AgentSettings;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.state.Command;
import io.spime.wire.state.CommandOutcome;
import io.spime.wire.state.DesiredState;
import io.spime.wire.telemetry.SignalValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The agent on a car's telematics unit: keeps what {@link #record} accepts in a crash-safe outbox
 * and delivers it over MQTT 5 to the vehicle's cloud twin, exactly once in effect. Create one with
 * {@link #builder}, then {@link #start()} it; start with {@code docs/edge-agent.md}.
 */
public final class EdgeAgent implements AutoCloseable, SampleSink {
  private final AgentSettings config;
  private final List<SignalSource> sources;
  private final AgentFatalErrorHandler onFatalError;
  private volatile @Nullable AgentCore core;
  private volatile boolean closed;

  EdgeAgent(AgentSettings config, List<SignalSource> sources, AgentFatalErrorHandler onFatalError) {
    this.config = config;
    this.sources = List.copyOf(sources);
    this.onFatalError = onFatalError;
  }

  /**
   * A builder for an agent of vehicle {@code vin} that talks to {@code brokerUrl} ({@code tcp://}
   * or {@code ssl://host:port}) and keeps its outbox under {@code dataDir}.
   *
   * @throws IllegalArgumentException if the broker URL is malformed
   */
  public static EdgeAgentBuilder builder(AssetId vin, String brokerUrl, Path dataDir) {
    return new EdgeAgentBuilder(vin, brokerUrl, dataDir);
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
      core = AgentCore.start(config, onFatalError);
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
   *     batch larger than {@link io.spime.wire.event.EventCodec#MAX_PAYLOAD_BYTES}
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
   * False once a thread of the agent failed with an error it could not handle (see {@link
   * AgentFatalErrorHandler}): the agent has then stopped for good. For a watchdog or health probe.
   */
  public boolean isHealthy() {
    return failure().isEmpty();
  }

  /** The error that stopped the agent, if one did. */
  public java.util.Optional<Throwable> failure() {
    AgentCore started = core;
    return started == null ? java.util.Optional.empty() : started.failure();
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
  public AssetId vin() {
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
}
