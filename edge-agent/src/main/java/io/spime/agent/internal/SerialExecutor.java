package io.spime.agent.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one agent's tasks one at a time, in order, on a pool shared by many agents, so that a
 * thousand agents need a handful of threads, not a thousand.
 */
final class SerialExecutor implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

  private final Executor pool;
  private final String name;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile boolean shutDown;
  private volatile java.util.function.Consumer<Throwable> onFailure = this::logFailure;

  SerialExecutor(Executor pool, String name) {
    this.pool = pool;
    this.name = name;
  }

  @Override
  public void execute(Runnable task) {
    if (shutDown) {
      return;
    }
    tasks.add(task);
    schedule();
  }

  /** Who is told of anything a task throws (an {@link Error} included); by default it is logged. */
  void onFailure(java.util.function.Consumer<Throwable> handler) {
    this.onFailure = handler;
  }

  private void logFailure(Throwable error) {
    LOG.error("{}: task failed", name, error);
  }

  /** Drops every task still queued and every later one; call it from the last task. */
  void shutDown() {
    shutDown = true;
    tasks.clear();
  }

  private void schedule() {
    if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
      try {
        pool.execute(this::drain);
      } catch (RejectedExecutionException e) {
        scheduled.set(false);
        tasks.clear();
        LOG.debug("{}: pool is shut down; dropped pending tasks", name);
      }
    }
  }

  private void drain() {
    try {
      for (int i = 0; i < 64; i++) {
        Runnable task = tasks.poll();
        if (task == null || shutDown) {
          break;
        }
        try {
          task.run();
        } catch (Throwable e) {
          onFailure.accept(e);
        }
      }
    } finally {
      scheduled.set(false);
      schedule();
    }
  }
}
