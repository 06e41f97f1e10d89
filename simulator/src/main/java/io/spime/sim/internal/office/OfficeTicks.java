package io.spime.sim.internal.office;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the back office's ticks on a thread of their own, one at a time, so a slow tick (a lifetime
 * office writing years of history) never holds up the drive loop's once-a-second sample of the
 * fleet. A tick asked for while the last one still runs is skipped; the next one catches up.
 */
public final class OfficeTicks implements AutoCloseable {
  private final BackOffice office;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
    Thread t = new Thread(runnable, "back-office");
    t.setDaemon(true);
    return t;
  });
  private Future<?> last = CompletableFuture.completedFuture(null);

  public OfficeTicks(BackOffice office) {
    this.office = office;
  }

  /**
   * Starts a tick at {@code nowMillis} unless the last one is still running.
   *
   * @throws IllegalStateException if the last tick failed
   */
  public void tick(long nowMillis) {
    if (last.isDone()) {
      rethrowFailure();
      last = thread.submit(() -> office.tick(nowMillis));
    }
  }

  /**
   * Waits for the tick in progress, if any.
   *
   * @throws IllegalStateException if it failed
   */
  public void awaitLast() throws InterruptedException {
    try {
      last.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the back office failed: " + e.getCause(), e.getCause());
    }
  }

  private void rethrowFailure() {
    try {
      awaitLast();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
