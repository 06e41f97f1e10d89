package io.spime.sim.bench.loopback;

import io.spime.sim.internal.car.VinFactory;
import io.spime.sim.internal.threads.SimThreads;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's loopback limit on this machine, with nothing of spime's sync between: Paho
 * publishers with the agents' in-flight window send QoS 1 messages of one telemetry batch's size
 * to one subscriber that only counts them, over spime's transport or, for the broker itself, plain
 * Paho with TCP_NODELAY. The publishers keep at most {@link #MAX_OUTSTANDING} messages ahead of the
 * subscriber, so the broker always has messages queued for it and never has to drop: what is
 * measured is delivery.
 */
public final class BrokerLoopback {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerLoopback.class);
  /** Publishing connections: as many as the agents' shared threads. */
  public static final int PUBLISHERS = 8;
  /** The agents' default in-flight window. */
  public static final int WINDOW = 16;
  /** The ingest's in-flight window, for the subscriber's acks. */
  static final int SUBSCRIBER_WINDOW = 64;
  static final int MAX_OUTSTANDING = 1_000;
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);
  private static final Duration SETTLE_IDLE = Duration.ofSeconds(3);

  private final String brokerUrl;
  private final byte[] payload;
  private final long seed;
  private final int maxOutstanding;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong deliveredBytes = new AtomicLong();
  private volatile boolean stopping;

  private BrokerLoopback(String brokerUrl, int payloadBytes, long seed, int maxOutstanding) {
    this.brokerUrl = brokerUrl;
    this.maxOutstanding = maxOutstanding;
    this.payload = new byte[payloadBytes];
    new Random(seed).nextBytes(payload);
    this.seed = seed;
  }

  /**
   * Runs one loopback: warm-up, then {@code measure} of per-second delivery rates.
   *
   * @throws io.spime.mqtt.TransportException if a client cannot connect or a publish stalls
   * @throws IllegalStateException likewise for the TCP_NODELAY clients
   */
  public static LoopbackResult run(String brokerUrl, LoopbackShape shape, int payloadBytes,
      Duration warmup, Duration measure, long seed) {
    return run(brokerUrl, shape, payloadBytes, warmup, measure, seed, MAX_OUTSTANDING);
  }

  /**
   * As {@link #run(String, LoopbackShape, int, Duration, Duration, long)}, with at most {@code
   * maxOutstanding} messages ahead of the subscriber: below an external broker's queue limit for
   * one client (Mosquitto drops QoS 1 messages beyond 1,000 queued, and the loopback then stalls).
   */
  public static LoopbackResult run(String brokerUrl, LoopbackShape shape, int payloadBytes,
      Duration warmup, Duration measure, long seed, int maxOutstanding) {
    if (maxOutstanding < 1) {
      throw new IllegalArgumentException("maxOutstanding must be 1 or more, was " + maxOutstanding);
    }
    return new BrokerLoopback(brokerUrl, payloadBytes, seed, maxOutstanding).run(shape, warmup, measure);
  }

  private LoopbackResult run(LoopbackShape shape, Duration warmup, Duration measure) {
    List<LoopbackClient> publishers = new ArrayList<>();
    ExecutorService threads =
        Executors.newFixedThreadPool(PUBLISHERS, SimThreads.daemon("spime-bench-publish"));
    try (LoopbackClient subscriber = LoopbackClient.connect(brokerUrl,
        "spime-bench-sub-" + shape.name(), SUBSCRIBER_WINDOW, shape.noDelay(), this::arrived)) {
      subscriber.subscribe(shape.filter());
      publishers.addAll(connectPublishers(shape, threads));
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < PUBLISHERS; i++) {
        String topic = Topics.of(VinFactory.benchmarkVin(seed + 7, 900_000 + i), TopicKind.TELEMETRY);
        LoopbackClient publisher = publishers.get(i);
        running.add(threads.submit(() -> publishUntilStopped(publisher, topic)));
      }
      sleep(warmup);
      PerSecond rates = PerSecond.start(delivered::get, deliveredBytes::get);
      try {
        sleep(measure);
      } finally {
        rates.close();
      }
      stopping = true;
      awaitAll(running);
      settle();
      return new LoopbackResult(shape.name(), shape.filter(), payload.length, PUBLISHERS,
          rates.seconds(), rates.median(0), rates.min(0), rates.median(1) / 1e6, published.get(),
          delivered.get());
    } finally {
      stopping = true;
      closeAll(publishers, threads);
      threads.shutdownNow();
    }
  }

  /** Connects the publishers at once: a connect takes a few hundred milliseconds. */
  private List<LoopbackClient> connectPublishers(LoopbackShape shape, ExecutorService threads) {
    List<Future<LoopbackClient>> connecting = new ArrayList<>();
    for (int i = 0; i < PUBLISHERS; i++) {
      String clientId = "spime-bench-pub-" + shape.name() + "-" + i;
      connecting.add(threads.submit(() ->
          LoopbackClient.connect(brokerUrl, clientId, WINDOW, shape.noDelay(), payload -> { })));
    }
    List<LoopbackClient> connected = new ArrayList<>();
    RuntimeException failure = null;
    for (Future<LoopbackClient> client : connecting) {
      try {
        connected.add(client.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new IllegalStateException("benchmark interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        failure = e.getCause() instanceof RuntimeException runtime
            ? runtime : new IllegalStateException(e.getCause());
      }
    }
    if (failure != null) {
      closeAll(connected, threads);
      throw failure;
    }
    return connected;
  }

  /** Closes the clients at once, each with its clean disconnect. */
  private static void closeAll(List<LoopbackClient> clients, ExecutorService threads) {
    List<Future<?>> closing = new ArrayList<>();
    for (LoopbackClient client : clients) {
      closing.add(threads.submit(client::close));
    }
    for (Future<?> close : closing) {
      try {
        close.get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        LOG.warn("a loopback client did not close cleanly: {}", e.toString());
      }
    }
  }

  private void arrived(byte[] bytes) {
    delivered.incrementAndGet();
    deliveredBytes.addAndGet(bytes.length);
  }

  private Void publishUntilStopped(LoopbackClient publisher, String topic) {
    while (!stopping) {
      if (published.get() - delivered.get() >= maxOutstanding) {
        LockSupport.parkNanos(100_000);
        continue;
      }
      publisher.publish(topic, payload);
      published.incrementAndGet();
    }
    return null;
  }

  /** Waits for what is in flight to arrive, so a loss is a loss and not a message on its way. */
  private void settle() {
    long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
    long lastCount = delivered.get();
    long lastProgress = System.nanoTime();
    while (delivered.get() < published.get() && System.nanoTime() < deadline
        && System.nanoTime() - lastProgress < SETTLE_IDLE.toNanos()) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      long count = delivered.get();
      if (count != lastCount) {
        lastCount = count;
        lastProgress = System.nanoTime();
      }
    }
  }

  private static void awaitAll(List<Future<?>> running) {
    for (Future<?> publisher : running) {
      try {
        publisher.get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("a loopback publisher failed: " + e.getCause().getMessage(),
            e.getCause());
      } catch (java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("a loopback publisher did not stop within 30 s", e);
      }
    }
  }

  public static void sleep(Duration duration) {
    try {
      TimeUnit.MILLISECONDS.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("benchmark interrupted", e);
    }
  }
}
