package io.spime.agent;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Records Vehicle.TraveledDistance sample n at time T0 + n on its own thread, about {@code perSecond}
 * a second, until stopped; {@link #accepted()} counts the samples record returned for.
 */
final class SteadyRecorder implements AutoCloseable {
  static final long T0 = 1_700_000_000_000L;

  private final EdgeAgent agent;
  private final AtomicLong next = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile RuntimeException failure;

  SteadyRecorder(EdgeAgent agent, int perSecond) {
    this.agent = agent;
    long pauseNanos = 10_000_000L;
    int perPause = Math.max(1, perSecond / 100);
    this.thread = new Thread(() -> {
      try {
        while (running) {
          for (int i = 0; i < perPause; i++) {
            long n = next.get();
            agent.record(2, T0 + n, n % 1_000_000);
            next.incrementAndGet();
          }
          LockSupport.parkNanos(pauseNanos);
        }
      } catch (RuntimeException e) {
        failure = e;
      }
    }, "steady-recorder");
    thread.start();
  }

  long accepted() {
    return next.get();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join();
    if (failure != null) {
      throw failure;
    }
  }
}
