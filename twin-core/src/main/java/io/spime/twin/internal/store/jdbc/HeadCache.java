package io.spime.twin.internal.store.jdbc;

import io.spime.twin.Twin;
import java.util.LinkedHashMap;
import java.util.Map;

/** The writer's least-recently-used cache of committed current twins, by vehicle id. */
final class HeadCache {
  /**
   * A vehicle's current twin and the revision of its stored head row (0 if none), which may lag behind
   * by less than {@link JournalWriter#HEAD_LAG} revisions.
   */
  record Head(Twin twin, long storedRevision) {}

  private final Map<Long, Head> heads;

  HeadCache(int capacity) {
    this.heads =
        new LinkedHashMap<>(256, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, Head> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Head get(long vehicleId) {
    return heads.get(vehicleId);
  }

  /** Forgets every head: another process wrote the store. */
  synchronized void clear() {
    heads.clear();
  }

  synchronized void putAll(Map<Long, Head> committed) {
    heads.putAll(committed);
  }
}
