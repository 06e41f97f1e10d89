package io.spime.agent.internal;

import io.spime.wire.Priority;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What the outbox holds, counted in memory so the hot paths skip a query: rows and bytes in all,
 * unsent rows and their bytes per priority, the size of every numbered row (an ack deletes without
 * counting first), and, lock-free for the record path, the priorities that would find no room.
 * {@link Outbox} updates it under its lock; {@link #load} counts anew from the table (at open, and
 * after a failed write).
 */
final class OutboxCounts {
  private static final int PRIORITIES = Priority.values().length;

  private final long maxBytes;
  private final long[] unsentBytes = new long[PRIORITIES];
  private final NavigableMap<Long, Integer> numberedBytes = new TreeMap<>();
  private long totalBytes;
  private long rows;
  private long unsentRows;
  private volatile int fullMask;

  OutboxCounts(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  long rows() {
    return rows;
  }

  long unsentRows() {
    return unsentRows;
  }

  long totalBytes() {
    return totalBytes;
  }

  /** Unsent bytes per priority ordinal, for the eviction to see what it may drop; not to be changed. */
  long[] unsentBytes() {
    return unsentBytes;
  }

  /** How far a new row of {@code bytes} would take the outbox over its limit; 0 or less if it fits. */
  long overLimitWith(int bytes) {
    return totalBytes + bytes - maxBytes;
  }

  /** Whether a row of this priority would find no room: the outbox is full of higher priorities. */
  boolean isFullFor(Priority priority) {
    return (fullMask >>> priority.ordinal() & 1) != 0;
  }

  /** A new unsent row of {@code bytes}. */
  void stored(int priority, int bytes) {
    unsentBytes[priority] += bytes;
    totalBytes += bytes;
    rows++;
    unsentRows++;
  }

  /** Unsent rows evicted: {@code freed} bytes per priority ordinal, {@code count} rows in all. */
  void evicted(long[] freed, long count) {
    for (int i = 0; i < PRIORITIES; i++) {
      unsentBytes[i] -= freed[i];
      totalBytes -= freed[i];
    }
    rows -= count;
    unsentRows -= count;
  }

  /** Unsent rows numbered for sending, once their numbers are committed. */
  void numbered(List<OutMessage> messages) {
    for (OutMessage message : messages) {
      unsentBytes[message.priority().ordinal()] -= message.body().length;
      numberedBytes.put(message.seq(), message.body().length);
    }
    unsentRows -= messages.size();
    updateFullMask();
  }

  /** Numbered rows up to and including {@code seq} deleted, {@code deleted} rows in all. */
  void acknowledged(long seq, int deleted) {
    Map<Long, Integer> gone = numberedBytes.headMap(seq, true);
    long deletedBytes = 0;
    for (int bytes : gone.values()) {
      deletedBytes += bytes;
    }
    gone.clear();
    rows -= deleted;
    totalBytes -= deletedBytes;
    updateFullMask();
  }

  /** Counts anew from the outbox table. */
  void load(Connection db) throws SQLException {
    try (Statement statement = db.createStatement()) {
      Arrays.fill(unsentBytes, 0);
      totalBytes = 0;
      rows = 0;
      unsentRows = 0;
      numberedBytes.clear();
      try (ResultSet rs = statement.executeQuery(
          "SELECT priority, COUNT(*), COALESCE(SUM(bytes), 0) FROM outbox WHERE seq IS NULL GROUP BY 1")) {
        while (rs.next()) {
          unsentBytes[rs.getInt(1)] += rs.getLong(3);
          unsentRows += rs.getLong(2);
          rows += rs.getLong(2);
          totalBytes += rs.getLong(3);
        }
      }
      try (ResultSet rs = statement.executeQuery("SELECT seq, bytes FROM outbox WHERE seq IS NOT NULL")) {
        while (rs.next()) {
          numberedBytes.put(rs.getLong(1), rs.getInt(2));
          rows++;
          totalBytes += rs.getInt(2);
        }
      }
      updateFullMask();
    }
  }

  /** Recomputes {@link #isFullFor} after a change. */
  private void updateFullMask() {
    int mask = 0;
    if (totalBytes >= maxBytes) {
      long evictable = 0;
      for (int p = 0; p < Priority.CRITICAL.ordinal(); p++) {
        evictable += unsentBytes[p];
        if (evictable == 0) {
          mask |= 1 << p;
        }
      }
    }
    fullMask = mask;
  }
}
