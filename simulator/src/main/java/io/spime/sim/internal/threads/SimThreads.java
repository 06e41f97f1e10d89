package io.spime.sim.internal.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads, so a stuck run or benchmark never keeps the JVM alive: their factories, and closing
 * many things at once on them.
 */
public final class SimThreads {
  private SimThreads() {}

  public static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Closes every one of {@code all}, {@code threads} at a time (each may wait for a clean
   * disconnect), and returns when all are closed.
   *
   * @param what what one of them is, for the error, such as "a car"
   * @throws IllegalStateException if one could not be closed
   */
  public static void closeAll(List<? extends AutoCloseable> all, int threads, String prefix,
      String what) {
    ExecutorService closer = Executors.newFixedThreadPool(threads, daemon(prefix));
    try {
      List<Future<?>> closing = new ArrayList<>();
      for (AutoCloseable one : all) {
        closing.add(closer.submit(() -> {
          one.close();
          return null;
        }));
      }
      for (Future<?> close : closing) {
        close.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed to close", e.getCause());
    } finally {
      closer.shutdownNow();
    }
  }
}
