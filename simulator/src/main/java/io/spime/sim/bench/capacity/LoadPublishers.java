package io.spime.sim.bench.capacity;

import io.spime.sim.bench.loopback.LoopbackClient;
import io.spime.sim.internal.threads.SimThreads;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.WireException;
import io.spime.wire.session.Ack;
import io.spime.wire.session.SessionCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The load: a few connections publishing the pre-encoded batches at QoS 1 as fast as the broker
 * takes them, round after round (seq 1 of every VIN, then seq 2…), each VIN always on the same
 * connection so its stream stays in order; and one connection that reads the ingest's acks. At most
 * {@link #MAX_UNACKED} batches are published and not yet acked, so neither the broker's queue for
 * the ingest nor the ingest's own queue overflows: the ingest sets the pace.
 */
final class LoadPublishers implements AutoCloseable {
  /** Batches published but not acked yet, over all connections: within Mosquitto's default queue. */
  static final int MAX_UNACKED = 1_000;
  /** Each connection's in-flight window to the broker. */
  static final int WINDOW = 32;

  private final PreEncodedLoad load;
  private final AtomicLongArray publishedSeq;
  private final AtomicLongArray ackedSeq;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong foreignAcks = new AtomicLong();
  private final List<LoopbackClient> clients = new ArrayList<>();
  private final List<Future<?>> running = new ArrayList<>();
  private final ExecutorService threads;
  private volatile boolean stopping;

  private LoadPublishers(PreEncodedLoad load, int publishers) {
    this.load = load;
    this.publishedSeq = new AtomicLongArray(load.vins());
    this.ackedSeq = new AtomicLongArray(load.vins());
    this.threads = Executors.newFixedThreadPool(publishers, SimThreads.daemon("spime-capacity-load"));
  }

  /**
   * Connects the ack reader and the publishers to {@code brokerUrl}; publishing starts at {@link #start}.
   *
   * @throws io.spime.mqtt.TransportException if a connection fails
   */
  static LoadPublishers connect(String brokerUrl, PreEncodedLoad load, int publishers) {
    LoadPublishers pubs = new LoadPublishers(load, publishers);
    try {
      LoopbackClient acks = LoopbackClient.connect(brokerUrl, "spime-capacity-acks", WINDOW, false,
          pubs::ackArrived);
      pubs.clients.add(acks);
      acks.subscribe(Topics.allVehicles(TopicKind.ACK));
      for (int i = 0; i < publishers; i++) {
        pubs.clients.add(LoopbackClient.connect(brokerUrl, "spime-capacity-pub-" + i, WINDOW, false,
            payload -> { }));
      }
      return pubs;
    } catch (RuntimeException e) {
      pubs.close();
      throw e;
    }
  }

  /** Starts every publisher. */
  void start() {
    int publishers = clients.size() - 1;
    for (int p = 0; p < publishers; p++) {
      int first = p;
      LoopbackClient client = clients.get(p + 1);
      running.add(threads.submit(() -> publishUntilStopped(client, first, publishers)));
    }
  }

  private Void publishUntilStopped(LoopbackClient client, int first, int step) {
    for (long seq = 1; !stopping; seq++) {
      for (int car = first; car < load.vins() && !stopping; car += step) {
        while (published.get() - acked.get() >= MAX_UNACKED && !stopping) {
          LockSupport.parkNanos(50_000);
        }
        if (stopping) {
          break;
        }
        client.publish(load.topic(car), load.payload(car, seq));
        publishedSeq.set(car, seq);
        published.incrementAndGet();
      }
    }
    return null;
  }

  private void ackArrived(byte[] payload) {
    Ack ack;
    try {
      ack = SessionCodec.decodeAck(payload);
    } catch (WireException | IllegalArgumentException e) {
      foreignAcks.incrementAndGet();
      return;
    }
    int car = load.indexOf(ack.vin());
    if (car < 0 || ack.streamId() != load.streamId(car)) {
      foreignAcks.incrementAndGet();
      return;
    }
    while (true) {
      long before = ackedSeq.get(car);
      if (ack.seq() <= before) {
        return;
      }
      if (ackedSeq.compareAndSet(car, before, ack.seq())) {
        acked.addAndGet(ack.seq() - before);
        return;
      }
    }
  }

  /**
   * Stops publishing after the batches in hand and waits for the publishers.
   *
   * @throws IllegalStateException if a publisher failed or did not stop within 30 s
   */
  void stop() {
    stopping = true;
    for (Future<?> publisher : running) {
      try {
        publisher.get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("benchmark interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("a load publisher failed: " + e.getCause().getMessage(), e.getCause());
      } catch (java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("a load publisher did not stop within 30 s", e);
      }
    }
  }

  /** Waits until every published batch is acked; true if that happened within {@code limitNanos}. */
  boolean awaitAcked(long limitNanos) {
    long deadline = System.nanoTime() + limitNanos;
    while (acked.get() < published.get()) {
      if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    return true;
  }

  /** Batches handed to the load connections so far. */
  long published() {
    return published.get();
  }

  /** Batches the ingest has acked so far. */
  long acked() {
    return acked.get();
  }

  /** Acks of VINs or streams not of this load (another client on a shared broker). */
  long foreignAcks() {
    return foreignAcks.get();
  }

  /** The highest seq published for the car. */
  long publishedSeq(int car) {
    return publishedSeq.get(car);
  }

  /** The highest seq the ingest acked for the car. */
  long ackedSeq(int car) {
    return ackedSeq.get(car);
  }

  @Override
  public void close() {
    stopping = true;
    for (LoopbackClient client : clients) {
      client.close();
    }
    threads.shutdownNow();
  }
}
