package io.spime.agent.internal;

import io.spime.wire.Priority;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Frees outbox bytes for a new row of some priority: unsent rows of lower priority go first
 * (lowest first, oldest first), then unsent rows of the same priority, oldest first. Rows of higher
 * priority, rows already numbered for sending, and critical rows are never evicted.
 */
final class Eviction {
  private final Connection db;
  private final SealResult result;
  private long evictedRowCount;

  Eviction(Connection db, SealResult result) {
    this.db = db;
    this.result = result;
  }

  /** Evicts until {@code need} bytes are freed or nothing evictable is left; bytes freed by priority. */
  long[] makeRoom(long need, Priority incoming, long[] unsentBytes) throws SQLException {
    long[] freed = new long[unsentBytes.length];
    int top = Math.min(incoming.ordinal(), Priority.CRITICAL.ordinal() - 1);
    long left = need;
    for (int p = 0; p <= top && left > 0; p++) {
      while (left > 0 && unsentBytes[p] - freed[p] > 0) {
        long got = evictOldest(p, left);
        if (got == 0) {
          break;
        }
        freed[p] += got;
        left -= got;
      }
    }
    return freed;
  }

  long takeEvictedRowCount() {
    long count = evictedRowCount;
    evictedRowCount = 0;
    return count;
  }

  private long evictOldest(int priority, long need) throws SQLException {
    List<long[]> victims = new ArrayList<>();
    long bytes = 0;
    try (PreparedStatement pick = db.prepareStatement(
        "SELECT id, bytes, items FROM outbox WHERE seq IS NULL AND priority = ? ORDER BY id LIMIT 256")) {
      pick.setInt(1, priority);
      try (ResultSet rs = pick.executeQuery()) {
        while (bytes < need && rs.next()) {
          victims.add(new long[] {rs.getLong(1), rs.getLong(3)});
          bytes += rs.getLong(2);
        }
      }
    }
    try (PreparedStatement delete = db.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
      for (long[] victim : victims) {
        delete.setLong(1, victim[0]);
        delete.addBatch();
        result.evictedRows[priority]++;
        result.evictedItems[priority] += victim[1];
      }
      delete.executeBatch();
    }
    evictedRowCount += victims.size();
    return bytes;
  }
}
