package io.spime.sim.internal.fleet;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap in use right after a full collection: what the fleet really holds, not garbage. */
final class HeapGauge {
  private HeapGauge() {}

  static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
