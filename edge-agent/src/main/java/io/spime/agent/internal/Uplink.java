package io.spime.agent.internal;

import io.spime.agent.AckMode;
import io.spime.mqtt.Backoff;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.PublishRefusedException;
import io.spime.mqtt.TransportException;
import io.spime.mqtt.TransportListener;
import io.spime.wire.Sequencing;
import io.spime.wire.StreamPosition;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.WireException;
import io.spime.wire.session.Ack;
import io.spime.wire.session.SessionCodec;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT side of one agent: sends outbox rows in sequence with a bounded window, deletes them on
 * the cloud's (or the broker's) acknowledgement, and goes back to the oldest unacknowledged row
 * after every connect and whenever acknowledgements stop advancing (go-back-N), waiting twice as long
 * after each resend that brought no acknowledgement, up to {@value #MAX_RESEND_BACKOFF} ack timeouts. The link itself
 * (connect, backoff, status and birth, offline on close) is {@link UplinkConnection}. All state
 * changes run on the agent's serial executor.
 */
final class Uplink implements TransportListener {
  private static final Logger LOG = LoggerFactory.getLogger(Uplink.class);
  /** The longest wait for an ack between resends, in ack timeouts. */
  static final int MAX_RESEND_BACKOFF = 8;

  private final UplinkConfig config;
  private final Outbox outbox;
  private final AgentCounters counters;
  private final ScheduledExecutorService scheduler;
  private final SerialExecutor serial;
  private final MqttTransport transport;
  private final UplinkConnection connection;
  private final AtomicBoolean pumpQueued = new AtomicBoolean();
  private final TreeSet<Long> brokerAcked = new TreeSet<>();
  private volatile BiConsumer<TopicKind, byte[]> downlink = (kind, payload) -> { };
  private long sendCursor;
  private long highestPublished;
  private long lastAckProgressNanos;
  private long resendAfterNanos;
  private ScheduledFuture<?> ackWatch;
  private final Backoff refusalBackoff;
  private long holdUntilNanos;
  private int lastRefusalCode = -1;

  Uplink(UplinkConfig config, Outbox outbox, AgentCounters counters,
      ScheduledExecutorService scheduler, Clock clock, Function<TransportListener, MqttTransport> transports) {
    this.config = config;
    this.outbox = outbox;
    this.counters = counters;
    this.scheduler = scheduler;
    this.serial = new SerialExecutor(scheduler, "agent " + config.vin());
    this.transport = transports.apply(this);
    this.connection = new UplinkConnection(config, outbox, counters, scheduler, serial, clock, transport,
        this::resendFromAcked);
    this.highestPublished = outbox.nextSeq() - 1;
    this.refusalBackoff = new Backoff(config.backoffInitial(), config.backoffCap());
    this.resendAfterNanos = config.ackTimeout().toNanos();
  }

  void onDownlink(BiConsumer<TopicKind, byte[]> handler) {
    this.downlink = handler;
  }

  void desiredVersion(LongSupplier version) {
    connection.desiredVersion(version);
  }

  SerialExecutor serial() {
    return serial;
  }

  boolean isConnected() {
    return connection.isConnected();
  }

  void start() {
    serial.execute(connection::connectOnce);
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
    return connection.isUp()
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

  /** The link is up (again): resend from the oldest unacknowledged row. */
  private void resendFromAcked() {
    brokerAcked.clear();
    sendCursor = outbox.ackedSeq() + 1;
    lastAckProgressNanos = System.nanoTime();
    LOG.info("agent {} connected to {}; resending from seq {}", config.vin(), config.brokerUrl(), sendCursor);
    pump();
  }

  @Override
  public void connectionLost(Throwable cause) {
    serial.execute(() -> connection.lost(cause));
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
    resendAfterNanos = config.ackTimeout().toNanos();
    refusalBackoff.reset();
    if (sendCursor <= seq) {
      sendCursor = seq + 1;
    }
    pump();
  }

  private void checkAckProgress() {
    if (!connection.isConnected() || outbox.ackedSeq() >= highestPublished
        || sendCursor <= outbox.ackedSeq() + 1) {
      lastAckProgressNanos = System.nanoTime();
      return;
    }
    long stalled = System.nanoTime() - lastAckProgressNanos;
    if (stalled >= resendAfterNanos && transport.inFlight() == 0) {
      LOG.info("agent {}: no ack for {} ms; resending from seq {}", config.vin(),
          stalled / 1_000_000, outbox.ackedSeq() + 1);
      sendCursor = outbox.ackedSeq() + 1;
      lastAckProgressNanos = System.nanoTime();
      // a cloud too busy to ack in time gets fewer resends, not more: each one without an ack doubles the wait
      resendAfterNanos = Math.min(resendAfterNanos * 2, config.ackTimeout().toNanos() * MAX_RESEND_BACKOFF);
      pump();
    }
  }

  private void pump() {
    if (holdUntilNanos != 0 && System.nanoTime() - holdUntilNanos < 0) {
      return; // backing off after a refused publish
    }
    holdUntilNanos = 0;
    while (connection.isUp()) {
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
      } else if (unwrap(error) instanceof PublishRefusedException refused) {
        serial.execute(() -> refused(seq, refused));
        return;
      }
      nudge();
    });
    return true;
  }

  /**
   * The broker refused the publish of {@code seq}: the row stays in the outbox (it was not
   * delivered, whatever the ack mode) and everything from the oldest unacknowledged row is sent
   * again after a back-off, until the broker takes it.
   */
  private void refused(long seq, PublishRefusedException refusal) {
    counters.publishesRefused.increment();
    if (refusal.reasonCode() != lastRefusalCode) {
      lastRefusalCode = refusal.reasonCode();
      LOG.error("agent {}: the broker refused seq {} with reason code {}; the batch is kept and "
          + "sent again with back-off ({} refusals so far; logged again only when the reason "
          + "changes)", config.vin(), seq, refusal.reasonCode(), counters.publishesRefused.sum());
    }
    if (holdUntilNanos != 0) {
      return; // the other refusals of this window wait for the same retry
    }
    long delay = Math.max(1, refusalBackoff.nextDelayMillis());
    holdUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
    brokerAcked.clear();
    sendCursor = outbox.ackedSeq() + 1;
    lastAckProgressNanos = System.nanoTime();
    scheduler.schedule(this::nudge, delay, TimeUnit.MILLISECONDS);
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
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
    connection.closing();
    CompletableFuture<Void> done = new CompletableFuture<>();
    serial.execute(() -> {
      try {
        if (ackWatch != null) {
          ackWatch.cancel(false);
        }
        connection.disconnect();
      } finally {
        serial.shutDown();
        transport.close();
        done.complete(null);
      }
    });
    done.orTimeout(config.connectTimeout().toMillis() * 2 + 1000, TimeUnit.MILLISECONDS)
        .exceptionally(e -> null).join();
  }
}
