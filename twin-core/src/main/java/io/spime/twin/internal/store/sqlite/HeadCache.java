package io.spime.twin.internal.store.sqlite;

import io.spime.twin.Twin;
import java.util.LinkedHashMap;
import java.util.Map;

/** The writer's least-recently-used cache of committed twin heads, by vehicle id. */
final class HeadCache {
  private final Map<Long, Twin> heads;

  HeadCache(int capacity) {
    this.heads =
        new LinkedHashMap<>(256, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, Twin> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Twin get(long vehicleId) {
    return heads.get(vehicleId);
  }

  synchronized void putAll(Map<Long, Twin> committed) {
    heads.putAll(committed);
  }
}
