package io.spime.agent.internal;

import io.spime.agent.AgentClosedException;
import io.spime.agent.AgentFailedException;
import io.spime.agent.AgentFatalErrorHandler;
import io.spime.agent.AgentStats;
import io.spime.agent.OutboxException;
import io.spime.mqtt.MqttSettings;
import io.spime.mqtt.Will;
import io.spime.wire.Priority;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.event.EventCodec;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.files.OwnerOnlyFiles;
import io.spime.wire.session.SessionCodec;
import io.spime.wire.session.Status;
import io.spime.wire.state.CollectionMode;
import io.spime.wire.state.Command;
import io.spime.wire.state.CommandOutcome;
import io.spime.wire.state.DesiredState;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryCodec;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started agent: journal, outbox, sealer and uplink wired together. */
public final class AgentCore implements AutoCloseable, AgentActions {
  private static final Logger LOG = LoggerFactory.getLogger(AgentCore.class);

  private final AgentSettings settings;
  private final ScheduledExecutorService scheduler;
  private final boolean ownScheduler;
  private final AgentCounters counters = new AgentCounters();
  private final Outbox outbox;
  private final Recorder recorder;
  private final Sealer sealer;
  private final Uplink uplink;
  private final Downlink downlink;
  private final long bootId;
  private final DataDirLock lock;
  private final AtomicBoolean sealQueued = new AtomicBoolean();
  private final StorageHealth storage;
  private final AgentFailure failure;
  private final ScheduledFuture<?> sealTick;
  private volatile boolean closed;

  private AgentCore(AgentSettings settings, AgentFatalErrorHandler onFatalError) {
    this.settings = settings;
    this.failure = new AgentFailure(settings.vin(), onFatalError);
    this.bootId = RandomIds.nonZero();
    this.storage = new StorageHealth(settings.vin());
    this.ownScheduler = settings.scheduler().isEmpty();
    this.scheduler = settings.scheduler().orElseGet(AgentPool::create);
    try {
      OwnerOnlyFiles.createDirectories(settings.dataDir());
    } catch (IOException e) {
      throw new OutboxException("cannot create the data directory " + settings.dataDir(), e);
    }
    this.lock = DataDirLock.acquire(settings.dataDir());
    try {
      this.outbox = Outbox.open(settings.dataDir().resolve("outbox.db"), settings.outboxMaxBytes());
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    Journal journal = null;
    try {
      journal = Journal.open(settings.dataDir(), settings.journalSegmentBytes());
      AgentState state = AgentState.load(outbox, settings.catalog(), settings.policy(), settings.consent());
      CompiledRules rules = new CompiledRules(settings.catalog(), state.policy(), state.consent());
      this.recorder = new Recorder(settings.catalog(), journal, rules, counters);
      this.sealer = new Sealer(recorder, outbox, new TelemetryCodec(settings.catalog()),
          settings.vin(), settings.maxBatchSamples(), counters, settings.clock(), this::sendWindow);
      sealer.recover(journal, outbox);
      MqttSettings mqtt = withWill(settings.mqtt());
      this.uplink = new Uplink(uplinkConfig(), outbox, counters, scheduler, settings.clock(),
          listener -> settings.transport().create(mqtt, listener));
      this.downlink = new Downlink(settings.vin(), settings.catalog(), outbox, recorder, counters,
          settings.clock(), settings.agentVersion(), settings.actuator(), this, state,
          new DownlinkGuard(settings.vin(), settings.catalog(), settings.downlinkVerifier(), counters,
              settings.clock(), outbox));
      uplink.onDownlink(downlink::handle);
      uplink.serial().onFailure(error -> {
        if (error instanceof OutboxException disk) {
          storage.failed(disk); // one ERROR per outage, not one per ack on a full disk
        } else {
          failure.thrown("the uplink", error);
        }
      });
      uplink.desiredVersion(() -> downlink.state().desiredVersion());
    } catch (RuntimeException e) {
      outbox.close();
      lock.close();
      throw e;
    }
    long window = settings.batchWindow().toMillis();
    this.sealTick = scheduler.scheduleWithFixedDelay(
        failure.guard("sealing", this::sealInBackground), window, window, TimeUnit.MILLISECONDS);
    failure.stopWith(this::halt);
    uplink.start();
  }

  /**
   * Opens the outbox and journal, seals what the journal still holds, and starts connecting.
   *
   * @throws OutboxException if the data directory cannot be used
   */
  public static AgentCore start(AgentSettings settings) {
    return new AgentCore(settings, AgentFatalErrorHandler.none());
  }

  /** As {@link #start(AgentSettings)}, telling {@code onFatalError} if an agent thread fails. */
  public static AgentCore start(AgentSettings settings, AgentFatalErrorHandler onFatalError) {
    return new AgentCore(settings, onFatalError);
  }

  /** The error that stopped the agent, if one did (see {@link AgentFatalErrorHandler}). */
  public Optional<Throwable> failure() {
    return failure.cause();
  }

  /** Closed or failed: the exception a call on the agent gets now. */
  private RuntimeException unusable() {
    return failure.cause().<RuntimeException>map(cause -> new AgentFailedException("agent "
        + settings.vin() + " failed and stopped: " + cause, cause))
        .orElseGet(() -> new AgentClosedException("agent " + settings.vin() + " is closed"));
  }

  /** After a fatal error: no more samples, no seal tick; link, outbox and lock released. */
  private void halt() {
    closed = true;
    sealTick.cancel(false);
    release();
  }

  public SignalDefinition signal(int signalId) {
    return recorder.signal(signalId);
  }

  public SignalDefinition signal(String path) {
    return recorder.signal(path);
  }

  /** The record path; see EdgeAgent#record. */
  public void record(SignalDefinition signal, long timeMillis, SignalValue value) {
    if (closed) {
      throw unusable();
    }
    Recorder.check(signal, value);
    if (timeMillis < 0) {
      throw new IllegalArgumentException(
          "timeMillis of " + signal.path() + " must be epoch milliseconds >= 0, was " + timeMillis);
    }
    Priority priority = recorder.admit(signal, outbox);
    if (priority == null) {
      return;
    }
    Sample sample = new Sample(signal.id(), timeMillis, value);
    Recorder.Appended appended;
    while ((appended = recorder.append(sample, priority)) == Recorder.Appended.JOURNAL_FULL) {
      long start = System.nanoTime();
      storage.sealForRoom(sealer, counters);
      counters.diskWait(System.nanoTime() - start);
    }
    if (appended == Recorder.Appended.REFUSED) {
      return;
    }
    if (priority == Priority.CRITICAL) {
      long start = System.nanoTime();
      recorder.force();
      counters.diskWait(System.nanoTime() - start);
      requestSeal();
    } else if (recorder.pendingSize() >= settings.maxBatchSamples() || recorder.journalFill() > 0.5) {
      requestSeal();
    }
  }

  /** Seals now, on the caller's thread. @throws OutboxException if the outbox cannot store it */
  public void flush() {
    if (closed) {
      throw unusable();
    }
    sealer.sealNow();
    uplink.nudge();
  }

  /** The raise path; see EdgeAgent#raise. */
  public void raise(VehicleEvent event) {
    if (closed) {
      throw unusable();
    }
    if (!downlink.state().consent().allows(event.category())) {
      counters.eventsRefused.increment();
      return;
    }
    if (outbox.isFullFor(event.priority())) {
      counters.eventsRefused.increment();
      return;
    }
    byte[] body = EventCodec.encodeBody(settings.vin(), List.of(event));
    SealResult result = outbox.store(new OutboxRow(TopicKind.EVENTS, event.priority(), 1, settings.clock().millis(), body));
    counters.addEvictions(result);
    if (result.refusedRows(event.priority().ordinal()) > 0) {
      counters.eventsRefused.increment();
      return;
    }
    counters.eventsRaised.increment();
    uplink.nudge();
  }

  public void onDesired(Consumer<DesiredState> listener) {
    downlink.onDesired(listener);
  }

  public void onCommand(BiConsumer<Command, CommandOutcome> listener) {
    downlink.onCommand(listener);
  }

  @Override
  public void flushNow() {
    sealer.sealNow();
    uplink.nudge();
  }

  @Override
  public int sendSnapshot() {
    CompiledRules rules = recorder.rules();
    int count = 0;
    for (Sample last : recorder.lastValues(settings.clock().millis())) {
      int id = last.signalId();
      if (!rules.consented[id] || rules.modes[id] == CollectionMode.OFF) {
        continue;
      }
      while (recorder.appendUnfiltered(last, rules.priorities[id]) == Recorder.Appended.JOURNAL_FULL) {
        sealer.sealNow();
      }
      count++;
    }
    flushNow();
    return count;
  }

  @Override
  public void storeUplink(OutboxRow row) {
    SealResult result = outbox.store(row);
    counters.addEvictions(result);
    uplink.nudge();
  }

  public AgentStats stats() {
    return counters.snapshot(outbox, uplink.isConnected());
  }

  private void requestSeal() {
    if (sealQueued.compareAndSet(false, true)) {
      scheduler.execute(failure.guard("sealing", () -> {
        sealQueued.set(false);
        sealInBackground();
      }));
    }
  }

  private void sealInBackground() {
    if (closed) {
      return;
    }
    try {
      sealer.sealNow();
      storage.succeeded();
      uplink.nudge();
    } catch (AgentClosedException e) {
      LOG.debug("agent {}: closed while a seal was queued", settings.vin());
    } catch (OutboxException e) {
      storage.failed(e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sealTick.cancel(false);
    try {
      sealer.close();
    } finally {
      release();
    }
  }

  private void release() {
    try {
      uplink.close();
    } finally {
      try {
        outbox.close();
      } finally {
        lock.close();
        if (ownScheduler) {
          scheduler.shutdownNow();
        }
      }
    }
  }

  /** Rows a seal may number for sending at once; none while starting or offline. */
  private SendWindow sendWindow() {
    Uplink link = uplink;
    return link == null ? SendWindow.CLOSED : link.sendWindow();
  }

  /** The MQTT will: the retained offline status, published by the broker if the link dies. */
  private MqttSettings withWill(MqttSettings mqtt) {
    AssetId vin = settings.vin();
    Status offline = new Status(vin, false, bootId, Math.max(1, settings.clock().millis()));
    Will will = new Will(Topics.of(vin, TopicKind.STATUS), SessionCodec.encode(offline), 1, true);
    return mqtt.withWillAndKeptSession(will);
  }

  private UplinkConfig uplinkConfig() {
    return new UplinkConfig(settings.vin(), settings.mqtt().serverUri().toString(), bootId,
        settings.agentVersion(), settings.catalog().version(), settings.ackMode(),
        settings.mqtt().maxInFlight(), settings.maxUnacked(), settings.ackTimeout(),
        settings.backoffInitial(), settings.backoffCap(), settings.mqtt().connectTimeout());
  }
}
