package io.spime.agent.internal;

import io.spime.agent.AckMode;
import io.spime.mqtt.Backoff;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.TransportException;
import io.spime.mqtt.TransportListener;
import io.spime.wire.Ack;
import io.spime.wire.Birth;
import io.spime.wire.Sequencing;
import io.spime.wire.SessionCodec;
import io.spime.wire.Status;
import io.spime.wire.StreamPosition;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.Vin;
import io.spime.wire.WireException;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT side of one agent: connects with backoff and jitter, announces itself (status, birth),
 * sends outbox rows in sequence with a bounded window, and goes back to the oldest unacknowledged
 * row after every connect and whenever acknowledgements stop advancing (go-back-N). All state
 * changes run on the agent's serial executor.
 */
final class Uplink implements TransportListener {
  private static final Logger LOG = LoggerFactory.getLogger(Uplink.class);

  private final UplinkConfig config;
  private final Outbox outbox;
  private final AgentCounters counters;
  private final ScheduledExecutorService scheduler;
  private final SerialExecutor serial;
  private final Clock clock;
  private final MqttTransport transport;
  private final Backoff backoff;
  private final AtomicBoolean pumpQueued = new AtomicBoolean();
  private final TreeSet<Long> brokerAcked = new TreeSet<>();
  private volatile BiConsumer<TopicKind, byte[]> downlink = (kind, payload) -> { };
  private volatile boolean connected;
  private volatile boolean closed;
  private volatile java.util.function.LongSupplier desiredVersion = () -> 0;
  private boolean everConnected;
  private long sendCursor;
  private long highestPublished;
  private long lastAckProgressNanos;
  private ScheduledFuture<?> pendingConnect;
  private ScheduledFuture<?> ackWatch;

  Uplink(UplinkConfig config, Outbox outbox, AgentCounters counters,
      ScheduledExecutorService scheduler, Clock clock,
      java.util.function.Function<TransportListener, MqttTransport> transports) {
    this.config = config;
    this.outbox = outbox;
    this.counters = counters;
    this.scheduler = scheduler;
    this.clock = clock;
    this.serial = new SerialExecutor(scheduler, "agent " + config.vin());
    this.backoff = new Backoff(config.backoffInitial(), config.backoffCap());
    this.transport = transports.apply(this);
    this.highestPublished = outbox.nextSeq() - 1;
  }

  void onDownlink(BiConsumer<TopicKind, byte[]> handler) {
    this.downlink = handler;
  }

  void desiredVersion(java.util.function.LongSupplier version) {
    this.desiredVersion = version;
  }

  SerialExecutor serial() {
    return serial;
  }

  boolean isConnected() {
    return connected;
  }

  void start() {
    serial.execute(this::connectOnce);
    long period = Math.max(50, config.ackTimeout().toMillis() / 4);
    ackWatch = scheduler.scheduleWithFixedDelay(
        () -> serial.execute(this::checkAckProgress), period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * How many rows a seal may number for sending at once: up to the publish window while
   * connected, none while offline (rows then wait unnumbered, so priority and eviction still
   * apply). Safe from any thread.
   */
  SendWindow sendWindow() {
    return connected && !closed
        ? new SendWindow(config.maxInFlight(), config.maxUnacked()) : SendWindow.CLOSED;
  }

  /** Asks for a pump run soon; cheap and safe from any thread. */
  void nudge() {
    if (pumpQueued.compareAndSet(false, true)) {
      serial.execute(() -> {
        pumpQueued.set(false);
        pump();
      });
    }
  }

  private void connectOnce() {
    pendingConnect = null;
    if (closed || connected) {
      return;
    }
    try {
      transport.connect();
      Vin vin = config.vin();
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
    brokerAcked.clear();
    sendCursor = outbox.ackedSeq() + 1;
    lastAckProgressNanos = System.nanoTime();
    LOG.info("agent {} connected to {}; resending from seq {}", config.vin(), config.brokerUrl(), sendCursor);
    pump();
  }

  private void scheduleConnect() {
    if (closed || pendingConnect != null) {
      return;
    }
    long delay = backoff.nextDelayMillis();
    pendingConnect = scheduler.schedule(
        () -> serial.execute(this::connectOnce), delay, TimeUnit.MILLISECONDS);
  }

  @Override
  public void connectionLost(Throwable cause) {
    serial.execute(() -> {
      if (!connected) {
        return;
      }
      connected = false;
      LOG.info("agent {} lost its link to {}: {}", config.vin(), config.brokerUrl(),
          cause == null ? "unknown cause" : cause.getMessage());
      scheduleConnect();
    });
  }

  @Override
  public void messageArrived(String topic, byte[] payload) {
    TopicKind kind;
    try {
      kind = Topics.parse(topic).kind();
    } catch (WireException e) {
      counters.downlinkRejected.increment();
      LOG.warn("agent {}: message on unexpected topic {}: {}", config.vin(), topic, e.getMessage());
      return;
    }
    if (kind == TopicKind.ACK) {
      serial.execute(() -> handleAck(payload));
    } else {
      serial.execute(() -> downlink.accept(kind, payload));
    }
  }

  private void handleAck(byte[] payload) {
    Ack ack;
    try {
      ack = SessionCodec.decodeAck(payload);
    } catch (WireException e) {
      counters.downlinkRejected.increment();
      LOG.warn("agent {}: rejected an ack: {}", config.vin(), e.getMessage());
      return;
    }
    if (!ack.vin().equals(config.vin()) || ack.streamId() != outbox.streamId()) {
      counters.downlinkRejected.increment();
      LOG.warn("agent {}: ignored an ack for {} stream {} (ours is {})", config.vin(), ack.vin(),
          Long.toUnsignedString(ack.streamId()), Long.toUnsignedString(outbox.streamId()));
      return;
    }
    if (config.ackMode() == AckMode.CLOUD) {
      acknowledge(ack.seq());
    }
  }

  private void acknowledge(long seq) {
    if (seq <= outbox.ackedSeq()) {
      return;
    }
    if (seq > highestPublished) {
      counters.downlinkRejected.increment();
      LOG.warn("agent {}: ack for seq {} but only {} was sent; ignored", config.vin(), seq, highestPublished);
      return;
    }
    outbox.acknowledge(seq);
    lastAckProgressNanos = System.nanoTime();
    if (sendCursor <= seq) {
      sendCursor = seq + 1;
    }
    pump();
  }

  private void checkAckProgress() {
    if (!connected || outbox.ackedSeq() >= highestPublished || sendCursor <= outbox.ackedSeq() + 1) {
      lastAckProgressNanos = System.nanoTime();
      return;
    }
    long stalled = System.nanoTime() - lastAckProgressNanos;
    if (stalled >= config.ackTimeout().toNanos() && transport.inFlight() == 0) {
      LOG.info("agent {}: no ack for {} ms; resending from seq {}", config.vin(),
          stalled / 1_000_000, outbox.ackedSeq() + 1);
      sendCursor = outbox.ackedSeq() + 1;
      lastAckProgressNanos = System.nanoTime();
      pump();
    }
  }

  private void pump() {
    while (connected && !closed) {
      int room = config.maxInFlight() - transport.inFlight();
      if (room <= 0) {
        return;
      }
      List<OutMessage> batch;
      if (sendCursor < outbox.nextSeq()) {
        batch = outbox.numbered(sendCursor, room);
        if (batch.isEmpty()) {
          sendCursor = outbox.nextSeq();
          continue;
        }
      } else {
        long unacked = outbox.nextSeq() - 1 - outbox.ackedSeq();
        int allowance = (int) Math.min(room, config.maxUnacked() - unacked);
        if (allowance <= 0) {
          return;
        }
        batch = outbox.numberNext(allowance);
        if (batch.isEmpty()) {
          return;
        }
        if (batch.get(0).seq() != sendCursor) {
          continue; // a seal numbered rows since nextSeq was read: send from sendCursor, in order
        }
      }
      for (OutMessage message : batch) {
        if (!publish(message)) {
          return;
        }
      }
    }
  }

  private boolean publish(OutMessage message) {
    byte[] payload = Sequencing.withSequence(message.body(),
        new StreamPosition(outbox.streamId(), message.seq(), config.bootId()));
    CompletableFuture<Void> done;
    try {
      done = transport.publish(Topics.of(config.vin(), message.kind()), payload, 1, false);
    } catch (TransportException e) {
      LOG.debug("agent {}: publish of seq {} failed: {}", config.vin(), message.seq(), e.getMessage());
      sendCursor = message.seq();
      return false;
    }
    if (message.seq() <= highestPublished) {
      counters.messagesResent.increment();
    } else {
      highestPublished = message.seq();
    }
    sendCursor = message.seq() + 1;
    long seq = message.seq();
    done.whenComplete((ok, error) -> {
      if (error == null) {
        counters.messagesSent.increment();
        if (config.ackMode() == AckMode.BROKER) {
          serial.execute(() -> brokerAcked(seq));
        }
      }
      nudge();
    });
    return true;
  }

  private void brokerAcked(long seq) {
    if (seq <= outbox.ackedSeq()) {
      return;
    }
    brokerAcked.add(seq);
    long contiguous = outbox.ackedSeq();
    while (brokerAcked.remove(contiguous + 1)) {
      contiguous++;
    }
    if (contiguous > outbox.ackedSeq()) {
      acknowledge(contiguous);
    }
  }

  /** Stops sending, says offline (retained), disconnects cleanly and releases the transport. */
  void close() {
    closed = true;
    CompletableFuture<Void> done = new CompletableFuture<>();
    serial.execute(() -> {
      try {
        if (pendingConnect != null) {
          pendingConnect.cancel(false);
        }
        if (ackWatch != null) {
          ackWatch.cancel(false);
        }
        if (connected) {
          sayOffline();
        }
      } finally {
        connected = false;
        serial.shutDown();
        transport.close();
        done.complete(null);
      }
    });
    done.orTimeout(config.connectTimeout().toMillis() * 2 + 1000, TimeUnit.MILLISECONDS)
        .exceptionally(e -> null).join();
  }

  private void sayOffline() {
    try {
      transport.publish(Topics.of(config.vin(), TopicKind.STATUS),
          SessionCodec.encode(new Status(config.vin(), false, config.bootId(), clock.millis())), 1, true)
          .get(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
        | TransportException e) {
      LOG.info("agent {}: could not publish offline status: {}", config.vin(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
