package io.spime.wire;

import java.lang.management.ManagementFactory;

/** Heap the current thread allocates while running something, garbage included. */
final class HeapMeter {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private HeapMeter() {}

  /** Bytes allocated by {@code action}, whether it returns or throws a {@link WireException}. */
  static long allocatedBy(Runnable action) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    try {
      action.run();
    } catch (WireException refused) {
      // What the refusal cost is measured as well.
    }
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }
}
