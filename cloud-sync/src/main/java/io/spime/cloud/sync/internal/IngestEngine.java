package io.spime.cloud.sync.internal;

import io.spime.cloud.sync.IngestStats;
import io.spime.cloud.sync.QueueDepth;
import io.spime.mqtt.Backoff;
import io.spime.mqtt.MqttTransport;
import io.spime.mqtt.TransportException;
import io.spime.mqtt.TransportListener;
import io.spime.twin.TwinStore;
import io.spime.twin.exceptions.TwinException;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.AssetId;
import io.spime.wire.WireException;
import io.spime.wire.state.Command;
import io.spime.wire.state.DriverProfile;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the ingest: broker link, reconnects, the inbound queue and the apply thread. */
public final class IngestEngine implements TransportListener {
  private static final Logger LOG = LoggerFactory.getLogger(IngestEngine.class);
  private static final TopicKind[] SUBSCRIBED = {
    TopicKind.TELEMETRY, TopicKind.EVENTS, TopicKind.REPORTED, TopicKind.BIRTH, TopicKind.STATUS};
  private final Backoff reconnectBackoff =
      new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30));

  private final IngestOptions options;
  private final Function<TransportListener, MqttTransport> transportFactory;
  private final IngestCounters counters = new IngestCounters();
  private final InboundQueue queue;
  private final IngestFailure failure;
  private final ApplyLoop applyLoop;
  private final DesiredWriter desiredWriter;
  private final CommandSender commandSender;
  private final FleetControl control;
  private final DesiredWriter pendingRetries;
  private final ScheduledExecutorService reconnects =
      Executors.newSingleThreadScheduledExecutor(daemon("spime-ingest-reconnect"));
  private MqttTransport transport;
  private Thread applyThread;
  private boolean started;
  private volatile boolean closed;

  public IngestEngine(
      TwinStore store,
      IngestOptions options,
      Function<TransportListener, MqttTransport> transportFactory) {
    this.options = options;
    this.transportFactory = transportFactory;
    this.queue = new InboundQueue(options.queueCapacity(), options.queueBytes());
    this.failure = new IngestFailure(options.fatalErrorHandler(), this::stopAfterFailure);
    Clock clock = Clock.systemUTC();
    ConsentGate consentGate = new ConsentGate(store, options.catalog(), Duration.ofSeconds(10));
    this.desiredWriter = new DesiredWriter(store, options.catalog(), this::publish, clock, consentGate,
        options.signer());
    this.commandSender = new CommandSender(store, this::publish, clock, options.signer());
    this.control = new FleetControl(store, options.catalog(), desiredWriter);
    DesiredWriter applyThreadDesired =
        new DesiredWriter(store, options.catalog(), this::publishNow, clock, consentGate,
            options.signer());
    CommandSender applyThreadCommands =
        new CommandSender(store, this::publishNow, clock, options.signer());
    this.applyLoop = new ApplyLoop(store, options, queue, counters, new RejectLog(), this::publishAck,
        consentGate, new BirthHandler(store, applyThreadDesired, applyThreadCommands), clock, failure);
    this.pendingRetries = applyThreadDesired;
  }

  /**
   * Starts the apply thread, connects, subscribes and starts the timers; may be called again after
   * it threw a TransportException. The apply thread comes first: a member that resumes its session
   * is sent the messages queued for it as soon as it connects, and if nothing took them from the
   * inbound queue, the MQTT callback would block on the full queue and the subscription's answer
   * behind it would never be read.
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("ingest already started");
    }
    if (transport == null) {
      transport = transportFactory.apply(this);
    }
    if (applyThread == null) {
      applyThread = daemon("spime-ingest-apply").newThread(applyLoop);
      applyThread.start();
    }
    connectAndSubscribe();
    started = true;
    reconnects.scheduleWithFixedDelay(
        failure.guard("the desired-state timer", this::retryDesired), 5, 5, TimeUnit.SECONDS);
  }

  public FleetControl control() {
    return control;
  }

  public String sendCommand(AssetId vin, Command.Kind kind, Optional<DriverProfile> profile, Duration ttl) {
    return commandSender.send(vin, kind, profile, ttl);
  }

  public QueueDepth queueDepth() {
    return new QueueDepth(queue.size(), queue.bytes());
  }

  public IngestStats stats() {
    return counters.snapshot();
  }

  /** The error that ended the ingest, if one did. */
  public Optional<Throwable> failure() {
    return failure.cause();
  }

  public boolean isConnected() {
    MqttTransport current = transport;
    return current != null && current.isConnected();
  }

  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    reconnects.shutdownNow();
    applyLoop.stop();
    if (applyThread != null && applyThread != Thread.currentThread()) {
      try {
        applyThread.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    queue.close();
    MqttTransport current = transport;
    if (current != null) {
      current.close();
    }
  }

  /** After a failure: drop what is queued, refuse what comes, stop the threads, disconnect. */
  private void stopAfterFailure() {
    queue.close();
    close();
  }

  @Override
  public void messageArrived(String topic, byte[] payload) {
    if (failure.happened()) {
      return; // taken no more: never acked, so its car sends it again to an ingest that is up
    }
    counters.received.increment();
    try {
      queue.put(new Inbound(topic, payload, System.currentTimeMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      failure.fail("the MQTT callback", e);
    }
  }

  @Override
  public void connectionLost(Throwable cause) {
    if (closed || failure.happened()) {
      return;
    }
    LOG.warn("ingest lost its broker link: {}; reconnecting", cause.toString());
    scheduleReconnect();
  }

  private void connectAndSubscribe() {
    transport.connect();
    for (TopicKind kind : SUBSCRIBED) {
      transport.subscribe(
          options.shareGroup().map(group -> Topics.shared(group, kind))
              .orElseGet(() -> Topics.allVehicles(kind)),
          1);
    }
    reconnectBackoff.reset();
  }

  private void scheduleReconnect() {
    reconnects.schedule(failure.guard("the reconnect timer", this::reconnect),
        reconnectBackoff.nextDelayMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void reconnect() {
    if (closed) {
      return;
    }
    try {
      connectAndSubscribe();
      LOG.info("ingest reconnected to the broker");
      desiredWriter.republishPending();
    } catch (TransportException e) {
      LOG.debug("ingest reconnect failed: {}", e.getMessage());
      scheduleReconnect();
    }
  }

  /** Unexpected exceptions are not caught: the guard makes them end the ingest. */
  private void retryDesired() {
    try {
      desiredWriter.republishPending();
      pendingRetries.republishPending();
    } catch (TwinException | WireException e) {
      LOG.warn("republishing desired state failed: {}", e.toString());
    }
  }

  /**
   * Publishes from the apply thread without waiting for the in-flight window: the window opens on
   * broker acknowledgements that Paho's callback thread delivers, and that thread may itself be waiting
   * for room in the inbound queue the apply thread drains. A skipped ack is harmless (the next one of
   * the stream covers it, and the car resends what stays unacked); a skipped desired state is retried.
   */
  private boolean publishNow(String topic, byte[] payload, boolean retain) {
    return publishNow(topic, payload, 1, retain);
  }

  /**
   * Publishes an ack, QoS 0: an ack is cumulative, so a lost one is covered by the stream's next
   * ack, by the ack sent on the car's next birth, or by the car resending after its ack timeout. At
   * QoS 0 an ack holds no window slot waiting for the broker's PUBACK; at QoS 1, with one ack per car
   * per applied group, the window filled and many acks were skipped, and cars resent (1–5 % of
   * batches at 1,000 cars).
   */
  private boolean publishAck(String topic, byte[] payload, boolean retain) {
    return publishNow(topic, payload, 0, retain);
  }

  private boolean publishNow(String topic, byte[] payload, int qos, boolean retain) {
    MqttTransport current = transport;
    if (current == null || !current.isConnected()) {
      return false;
    }
    try {
      current.publishNow(topic, payload, qos, retain);
      return true;
    } catch (TransportException e) {
      LOG.debug("{} not sent now ({})", topic, e.getMessage());
      return false;
    }
  }

  private boolean publish(String topic, byte[] payload, boolean retain) {
    MqttTransport current = transport;
    if (current == null || !current.isConnected()) {
      return false;
    }
    try {
      current.publish(topic, payload, 1, retain);
      return true;
    } catch (TransportException e) {
      LOG.debug("{} not sent ({}); it goes again after the car's next birth", topic, e.getMessage());
      return false;
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
