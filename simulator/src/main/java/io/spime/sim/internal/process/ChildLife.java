package io.spime.sim.internal.process;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** One run of the child process: what it said last, on top of what its earlier runs said. */
final class ChildLife {
  final CountDownLatch ready = new CountDownLatch(1);
  final long spawnedNanos = System.nanoTime();
  final ChildLife before;
  final boolean restarted;
  volatile Map<String, String> status = Map.of();
  volatile boolean ending;

  ChildLife(ChildLife before) {
    this.before = before;
    this.restarted = before != null;
  }

  /** The ledger's count: this run's last word, else the run before's. */
  long accepted() {
    return said("accepted", before == null ? 0 : before.accepted());
  }

  long backlog() {
    return said("backlog", before == null ? 0 : before.backlog());
  }

  /** Reconnects over all runs; connecting again after a restart counts as one. */
  long reconnects() {
    long earlier = before == null ? 0 : before.reconnects();
    return earlier + said("reconnects", 0) + (restarted && said("connects", 0) > 0 ? 1 : 0);
  }

  private long said(String key, long fallback) {
    String value = status.get(key);
    return value == null ? fallback : Long.parseLong(value);
  }
}
