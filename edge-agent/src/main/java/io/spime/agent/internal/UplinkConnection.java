package io.spime.agent.internal;

import io.spime.mqtt.Backoff;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.TransportException;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.AssetId;
import io.spime.wire.session.Birth;
import io.spime.wire.session.SessionCodec;
import io.spime.wire.session.Status;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link under one agent's uplink: connects with backoff and jitter, subscribes to the agent's
 * downlink and announces it (retained status online, birth), reconnects after a lost link, and on
 * close says offline. Tells the sender when the link is up; runs on the agent's serial executor.
 */
final class UplinkConnection {
  private static final Logger LOG = LoggerFactory.getLogger(Uplink.class); // one log category: the uplink

  private final UplinkConfig config;
  private final Outbox outbox;
  private final AgentCounters counters;
  private final ScheduledExecutorService scheduler;
  private final SerialExecutor serial;
  private final Clock clock;
  private final MqttTransport transport;
  private final Backoff backoff;
  private final Runnable linkUp;
  private volatile boolean connected;
  private volatile boolean closed;
  private volatile LongSupplier desiredVersion = () -> 0;
  private boolean everConnected;
  private ScheduledFuture<?> pendingConnect;

  UplinkConnection(UplinkConfig config, Outbox outbox, AgentCounters counters, ScheduledExecutorService scheduler,
      SerialExecutor serial, Clock clock, MqttTransport transport, Runnable linkUp) {
    this.config = config;
    this.outbox = outbox;
    this.counters = counters;
    this.scheduler = scheduler;
    this.serial = serial;
    this.clock = clock;
    this.transport = transport;
    this.backoff = new Backoff(config.backoffInitial(), config.backoffCap());
    this.linkUp = linkUp;
  }

  void desiredVersion(LongSupplier version) {
    this.desiredVersion = version;
  }

  boolean isConnected() {
    return connected;
  }

  /** Connected and not closing: the sender may publish. Safe from any thread. */
  boolean isUp() {
    return connected && !closed;
  }

  /** One connect attempt; on failure the next is scheduled after the backoff. */
  void connectOnce() {
    pendingConnect = null;
    if (closed || connected) {
      return;
    }
    try {
      transport.connect();
      AssetId vin = config.vin();
      transport.subscribe(Topics.of(vin, TopicKind.ACK), 1);
      transport.subscribe(Topics.of(vin, TopicKind.DESIRED), 1);
      transport.subscribe(Topics.of(vin, TopicKind.COMMAND), 1);
      long now = clock.millis();
      transport.publish(Topics.of(vin, TopicKind.STATUS),
          SessionCodec.encode(new Status(vin, true, config.bootId(), now)), 1, true);
      transport.publish(Topics.of(vin, TopicKind.BIRTH), SessionCodec.encode(new Birth(vin,
          config.agentVersion(), config.bootId(), outbox.streamId(), config.catalogVersion(),
          outbox.ackedSeq(), desiredVersion.getAsLong(), now)), 1, false);
    } catch (TransportException e) {
      LOG.debug("agent {}: connect to {} failed: {}", config.vin(), config.brokerUrl(), e.getMessage());
      transport.disconnect();
      scheduleConnect();
      return;
    }
    connected = true;
    counters.connects.increment();
    if (everConnected) {
      counters.reconnects.increment();
    }
    everConnected = true;
    backoff.reset();
    linkUp.run();
  }

  private void scheduleConnect() {
    if (closed || pendingConnect != null) {
      return;
    }
    long delay = backoff.nextDelayMillis();
    pendingConnect = scheduler.schedule(
        () -> serial.execute(this::connectOnce), delay, TimeUnit.MILLISECONDS);
  }

  /** The transport lost its link: reconnect after the backoff. */
  void lost(Throwable cause) {
    if (!connected) {
      return;
    }
    connected = false;
    LOG.info("agent {} lost its link to {}: {}", config.vin(), config.brokerUrl(),
        cause == null ? "unknown cause" : cause.getMessage());
    scheduleConnect();
  }

  /** No more connects and no more sending; safe from any thread. */
  void closing() {
    closed = true;
  }

  /** Cancels a pending connect and says offline (retained) if connected; on the serial executor. */
  void disconnect() {
    try {
      if (pendingConnect != null) {
        pendingConnect.cancel(false);
      }
      if (connected) {
        sayOffline();
      }
    } finally {
      connected = false;
    }
  }

  private void sayOffline() {
    try {
      transport.publish(Topics.of(config.vin(), TopicKind.STATUS),
          SessionCodec.encode(new Status(config.vin(), false, config.bootId(), clock.millis())), 1, true)
          .get(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | TransportException e) {
      LOG.info("agent {}: could not publish offline status: {}", config.vin(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
