package io.spime.mqtt.internal;

import io.spime.mqtt.TransportException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A link's in-flight window and its publishes awaiting the broker, each with what the link keeps of
 * it ({@code E}). Shared by the transports of every client library (public for spime-mqtt-hivemq).
 */
public final class InFlight<E> {
  private final Semaphore window;
  private final String clientId;
  private final Map<CompletableFuture<Void>, E> pending = new ConcurrentHashMap<>();

  public InFlight(int maxInFlight, String clientId) {
    this.window = new Semaphore(maxInFlight);
    this.clientId = clientId;
  }

  /** Shrinks the window to the broker's Receive Maximum, if it announced a smaller one. */
  public void limit(Integer serverReceiveMaximum) {
    if (serverReceiveMaximum != null && serverReceiveMaximum > 0) {
      int excess = window.availablePermits() - serverReceiveMaximum;
      if (excess > 0) {
        window.acquireUninterruptibly(excess);
      }
    }
  }

  /**
   * Waits up to {@code timeoutMs} (not at all for 0) for room, then holds {@code entry} under a new
   * future; the publish leaves the window when {@link #settle} completes it, or its caller does.
   *
   * @throws TransportException if the window stays full or the wait is interrupted
   */
  public CompletableFuture<Void> enter(E entry, long timeoutMs) {
    try {
      boolean room = timeoutMs <= 0
          ? window.tryAcquire()
          : window.tryAcquire(Math.max(1, timeoutMs), TimeUnit.MILLISECONDS);
      if (!room) {
        throw new TransportException(clientId + ": in-flight window stayed full for " + timeoutMs + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(clientId + ": interrupted waiting for the in-flight window");
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    pending.put(done, entry);
    done.whenComplete((ignored, error) -> leave(done)); // a future completed by its caller leaves too
    return done;
  }

  /**
   * Takes a publish out of the window, then completes its future ({@code error} null: success), so
   * whoever wakes on the future finds the window already free.
   */
  public void settle(CompletableFuture<Void> done, Throwable error) {
    leave(done);
    if (error == null) {
      done.complete(null);
    } else {
      done.completeExceptionally(error);
    }
  }

  /** Publishes in the window. */
  public int size() {
    return pending.size();
  }

  /** The publishes in the window now, with their entries. */
  public Map<CompletableFuture<Void>, E> snapshot() {
    return Map.copyOf(pending);
  }

  private void leave(CompletableFuture<Void> done) {
    if (pending.remove(done) != null) {
      window.release();
    }
  }
}
