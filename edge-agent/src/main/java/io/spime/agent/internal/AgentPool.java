package io.spime.agent.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The agent's own two daemon threads, when the embedder gives it no scheduler. */
final class AgentPool {
  private AgentPool() {}

  static ScheduledExecutorService create() {
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, runnable -> {
      Thread thread = new Thread(runnable, "spime-agent");
      thread.setDaemon(true);
      return thread;
    });
    pool.setRemoveOnCancelPolicy(true);
    return pool;
  }
}
