package io.spime.twin.internal.store.jdbc;

import io.spime.twin.Twin;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The readers' bounded cache of current twins, each with the stored head text (empty before the first head
 * row) and the journal's latest revision it was folded from. A read still asks the database for both, in its own snapshot, and uses
 * the cached twin only when both are unchanged; so a twin written by another process, or rewritten in
 * place by an erasure, is never served stale. What it saves is parsing and folding the head's JSON.
 */
final class ParsedHeads {
  /** A folded twin and what it was folded from. */
  record Entry(String storedBody, long latestRevision, Twin twin) {}

  private final Map<Long, Entry> entries;

  ParsedHeads(int capacity) {
    this.entries = new LinkedHashMap<>(256, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The cached twin if it was folded from exactly this head text and latest revision. */
  synchronized Optional<Twin> find(long vehicleId, String storedBody, long latestRevision) {
    Entry e = entries.get(vehicleId);
    return e != null && e.latestRevision == latestRevision && e.storedBody.equals(storedBody)
        ? Optional.of(e.twin) : Optional.empty();
  }

  synchronized void put(long vehicleId, Entry entry) {
    entries.put(vehicleId, entry);
  }
}
