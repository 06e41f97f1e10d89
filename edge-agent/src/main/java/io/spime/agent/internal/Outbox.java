package io.spime.agent.internal;

import io.spime.agent.OutboxException;
import io.spime.wire.Priority;
import io.spime.wire.TopicKind;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The SQLite outbox: uplink messages waiting for the cloud's (or broker's) acknowledgement, the
 * stream they are numbered in, and the agent's small persistent state. Rows get their sequence
 * number only when they are about to be sent, so unsent rows can be evicted or sent by priority
 * without leaving gaps in the stream. Thread-safe (one lock).
 *
 * <p>Storing sealed rows, numbering rows and meta values are fsynced commits. A seal made while the
 * link is up numbers the rows it may send at once in the same commit, so a batch that goes straight
 * out costs one fsync, not two. Deleting acknowledged rows commits without a sync (it survives a
 * killed process): a power cut can lose it, and then the rows come back, are resent and are dropped
 * by the cloud as duplicates.
 *
 * <p>Every statement is prepared once per connection, and the outbox keeps in memory what it
 * needs to skip a query: how many rows are unsent (a pump with nothing to number runs no SQL) and
 * the size of every numbered row (an ack deletes without counting first).
 */
public final class Outbox implements AutoCloseable {
  private static final int PRIORITIES = Priority.values().length;

  private final Path file;
  private final Connection db;
  private final boolean replacedCorrupt;
  private final long streamId;
  private final MetaStore meta;
  private final OutboxTransactions tx;
  private final PreparedStatement insert;
  private final PreparedStatement pickUnsent;
  private final PreparedStatement number;
  private final PreparedStatement readNumbered;
  private final PreparedStatement deleteAcked;
  private final long maxBytes;
  private final long[] unsentBytes = new long[PRIORITIES];
  private long totalBytes;
  private volatile int fullMask;
  private long rows;
  private long unsentRows;
  private final NavigableMap<Long, Integer> numberedBytes = new TreeMap<>();
  private long ackedSeq;
  private long nextSeq;
  private long sealedGeneration;
  private boolean closed;

  private Outbox(Path file, OutboxOpener.Opened opened, long maxBytes) throws SQLException {
    this.file = file;
    this.db = opened.connection();
    this.replacedCorrupt = opened.replacedCorrupt();
    this.maxBytes = maxBytes;
    this.meta = new MetaStore(db);
    this.tx = new OutboxTransactions(db);
    this.insert = db.prepareStatement(
        "INSERT INTO outbox(kind, priority, items, bytes, created_ms, body) VALUES (?,?,?,?,?,?)");
    this.pickUnsent = db.prepareStatement(
        "SELECT id, kind, priority, items, body FROM outbox WHERE seq IS NULL ORDER BY priority DESC, id LIMIT ?");
    this.number = db.prepareStatement("UPDATE outbox SET seq = ? WHERE id = ?");
    this.readNumbered = db.prepareStatement(
        "SELECT seq, kind, priority, items, body FROM outbox WHERE seq >= ? ORDER BY seq LIMIT ?");
    this.deleteAcked = db.prepareStatement("DELETE FROM outbox WHERE seq <= ?");
    tx.beginDurable();
    long stream = meta.getLong("stream_id").orElse(0L);
    if (stream == 0) {
      if (count("SELECT COUNT(*) FROM outbox") > 0) {
        throw new OutboxException("outbox " + file + " holds rows but no stream id");
      }
      stream = newStreamId();
      meta.putLong("stream_id", stream);
      meta.putLong("acked_seq", 0);
      meta.putLong("next_seq", 1);
      meta.putLong("sealed_generation", 0);
    }
    this.streamId = stream;
    this.ackedSeq = meta.getLong("acked_seq").orElse(0L);
    this.nextSeq = meta.getLong("next_seq").orElse(1L);
    this.sealedGeneration = meta.getLong("sealed_generation").orElse(0L);
    tx.commit();
    recount();
  }

  /**
   * Opens (or creates) the outbox at {@code file}; a corrupt file is moved aside.
   *
   * @throws OutboxException if it cannot be opened or created
   */
  public static Outbox open(Path file, long maxBytes) {
    OutboxOpener.Opened opened = OutboxOpener.open(file);
    try {
      return new Outbox(file, opened, maxBytes);
    } catch (SQLException e) {
      try {
        opened.connection().close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw new OutboxException("cannot read the outbox " + file + ": " + e.getMessage(), e);
    }
  }

  public boolean replacedCorrupt() {
    return replacedCorrupt;
  }

  public long streamId() {
    return streamId;
  }

  public synchronized long ackedSeq() {
    return ackedSeq;
  }

  /** The sequence the next numbered row will get; rows below it and above ackedSeq are in flight. */
  public synchronized long nextSeq() {
    return nextSeq;
  }

  public synchronized long sealedGeneration() {
    return sealedGeneration;
  }

  public synchronized long backlogRows() {
    return rows;
  }

  public synchronized long backlogBytes() {
    return totalBytes;
  }

  /**
   * Whether a row of this priority would find no room: the outbox is full of higher priorities.
   * Lock-free, for the record path: it never waits for an outbox commit.
   */
  public boolean isFullFor(Priority priority) {
    return (fullMask >>> priority.ordinal() & 1) != 0;
  }

  /** Recomputes {@link #isFullFor} after a change; call holding the lock. */
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

  /**
   * Stores rows sealed from journal generation {@code generation} and records that generation as
   * sealed, in one transaction, evicting lower-priority unsent rows when the byte limit is reached.
   */
  public SealResult seal(long generation, List<OutboxRow> newRows) {
    return seal(generation, newRows, SendWindow.CLOSED);
  }

  /**
   * As {@link #seal(long, List)}, and in the same transaction numbers unsent rows as
   * {@link #numberNext} would, as many as {@code window} allows, so they can be sent at once.
   */
  public synchronized SealResult seal(long generation, List<OutboxRow> newRows, SendWindow window) {
    SealResult result = new SealResult();
    try {
      tx.beginDurable();
      Eviction eviction = new Eviction(db, result);
      for (OutboxRow row : newRows) {
        storeWithin(row, eviction, result);
      }
      if (generation > sealedGeneration) {
        meta.putLong("sealed_generation", generation);
      }
      List<OutMessage> numbered = numberWithin(window.allowance(nextSeq - 1 - ackedSeq));
      tx.commit();
      if (generation > sealedGeneration) {
        sealedGeneration = generation;
      }
      numberedCommitted(numbered);
      result.numbered = numbered.size();
      return result;
    } catch (SQLException e) {
      rollback(e);
      recount();
      throw failure("store sealed batches", e);
    }
  }

  /** Stores one row (an event batch or a report) on its own. */
  public SealResult store(OutboxRow row) {
    return seal(0, List.of(row));
  }

  private void storeWithin(OutboxRow row, Eviction eviction, SealResult result) throws SQLException {
    int p = row.priority().ordinal();
    long over = totalBytes + row.body().length - maxBytes;
    if (over > 0) {
      long[] freed = eviction.makeRoom(over, row.priority(), unsentBytes);
      for (int i = 0; i < PRIORITIES; i++) {
        unsentBytes[i] -= freed[i];
        totalBytes -= freed[i];
      }
      long evicted = eviction.takeEvictedRowCount();
      rows -= evicted;
      unsentRows -= evicted;
      over = totalBytes + row.body().length - maxBytes;
    }
    if (over > 0 && row.priority() != Priority.CRITICAL) {
      result.refusedRows[p]++;
      result.refusedItems[p] += row.items();
      return;
    }
    if (over > 0) {
      result.criticalOverLimit++; // critical data is kept even above the limit
    }
    insert.setString(1, row.kind().segment());
    insert.setInt(2, p);
    insert.setInt(3, row.items());
    insert.setInt(4, row.body().length);
    insert.setLong(5, row.createdMillis());
    insert.setBytes(6, row.body());
    insert.executeUpdate();
    unsentBytes[p] += row.body().length;
    totalBytes += row.body().length;
    rows++;
    unsentRows++;
  }

  /**
   * Numbers up to {@code max} unsent rows, highest priority first and oldest first within a
   * priority, durably, and returns them in sequence order.
   */
  public synchronized List<OutMessage> numberNext(int max) {
    if (max <= 0 || unsentRows == 0) {
      return List.of();
    }
    try {
      tx.beginDurable();
      List<OutMessage> out = numberWithin(max);
      tx.commit();
      numberedCommitted(out);
      return out;
    } catch (SQLException e) {
      rollback(e);
      throw failure("number rows for sending", e);
    }
  }

  /** Numbers up to {@code max} unsent rows in the open transaction; call holding the lock. */
  private List<OutMessage> numberWithin(int max) throws SQLException {
    List<OutMessage> out = new ArrayList<>();
    if (max <= 0 || unsentRows == 0) {
      return out;
    }
    pickUnsent.setInt(1, max);
    long seq = nextSeq;
    List<Long> ids = new ArrayList<>();
    try (ResultSet rs = pickUnsent.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
        Priority priority = Priority.values()[rs.getInt(3)];
        out.add(new OutMessage(seq, kindOf(rs.getString(2)), priority, rs.getInt(4), rs.getBytes(5)));
        seq++;
      }
    }
    for (int i = 0; i < ids.size(); i++) {
      number.setLong(1, out.get(i).seq());
      number.setLong(2, ids.get(i));
      number.executeUpdate();
    }
    if (!out.isEmpty()) {
      meta.putLong("next_seq", seq);
    }
    return out;
  }

  /** Updates the counters after a commit that numbered {@code numbered}; call holding the lock. */
  private void numberedCommitted(List<OutMessage> numbered) {
    if (!numbered.isEmpty()) {
      nextSeq = numbered.get(numbered.size() - 1).seq() + 1;
    }
    for (OutMessage message : numbered) {
      unsentBytes[message.priority().ordinal()] -= message.body().length;
      numberedBytes.put(message.seq(), message.body().length);
    }
    unsentRows -= numbered.size();
    updateFullMask();
  }

  /** Numbered, unacknowledged rows from {@code fromSeq} on, at most {@code max}, in sequence order. */
  public synchronized List<OutMessage> numbered(long fromSeq, int max) {
    List<OutMessage> out = new ArrayList<>();
    try {
      readNumbered.setLong(1, fromSeq);
      readNumbered.setInt(2, max);
      try (ResultSet rs = readNumbered.executeQuery()) {
        while (rs.next()) {
          out.add(new OutMessage(rs.getLong(1), kindOf(rs.getString(2)),
              Priority.values()[rs.getInt(3)], rs.getInt(4), rs.getBytes(5)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("read numbered rows", e);
    }
  }

  /**
   * Deletes every numbered row up to and including {@code seq} and records it as acknowledged.
   * Returns the number of rows deleted; an ack at or below the current one changes nothing.
   */
  public synchronized int acknowledge(long seq) {
    if (seq <= ackedSeq) {
      return 0;
    }
    if (seq >= nextSeq) {
      throw new IllegalArgumentException(
          "ack for seq " + seq + " of stream " + Long.toUnsignedString(streamId)
              + " but only seqs below " + nextSeq + " were sent");
    }
    try {
      tx.beginRelaxed();
      deleteAcked.setLong(1, seq);
      int deleted = deleteAcked.executeUpdate();
      meta.putLong("acked_seq", seq);
      tx.commit();
      Map<Long, Integer> gone = numberedBytes.headMap(seq, true);
      long deletedBytes = 0;
      for (int bytes : gone.values()) {
        deletedBytes += bytes;
      }
      gone.clear();
      ackedSeq = seq;
      rows -= deleted;
      totalBytes -= deletedBytes;
      updateFullMask();
      return deleted;
    } catch (SQLException e) {
      rollback(e);
      throw failure("delete acknowledged rows", e);
    }
  }

  public synchronized Optional<byte[]> getBytes(String key) {
    try {
      return meta.getBytes(key);
    } catch (SQLException e) {
      throw failure("read " + key, e);
    }
  }

  public synchronized void putBytes(String key, byte[] value) {
    try {
      tx.beginDurable();
      meta.putBytes(key, value);
      tx.commit();
    } catch (SQLException e) {
      rollback(e);
      throw failure("write " + key, e);
    }
  }

  /** Writes several meta values in one transaction. */
  public synchronized void putAll(Map<String, byte[]> values) {
    try {
      tx.beginDurable();
      for (Map.Entry<String, byte[]> entry : values.entrySet()) {
        meta.putBytes(entry.getKey(), entry.getValue());
      }
      tx.commit();
    } catch (SQLException e) {
      rollback(e);
      throw failure("write " + values.keySet(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try (db) {
      for (PreparedStatement statement : List.of(insert, pickUnsent, number, readNumbered, deleteAcked)) {
        statement.close();
      }
      meta.close();
      tx.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }

  /** Reloads the in-memory counts from the table: at open, and after a failed write. */
  private void recount() {
    try (Statement statement = db.createStatement()) {
      java.util.Arrays.fill(unsentBytes, 0);
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
    } catch (SQLException e) {
      throw failure("count rows", e);
    }
  }

  private long count(String sql) throws SQLException {
    try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void rollback(SQLException cause) {
    tx.rollback(cause);
  }

  private OutboxException failure(String what, SQLException e) {
    return new OutboxException("outbox " + file + ": cannot " + what + ": " + e.getMessage(), e);
  }

  private static TopicKind kindOf(String segment) {
    for (TopicKind kind : TopicKind.values()) {
      if (kind.segment().equals(segment)) {
        return kind;
      }
    }
    throw new OutboxException("outbox row has unknown topic kind '" + segment + "'");
  }

  private static long newStreamId() {
    SecureRandom random = new SecureRandom();
    long id;
    do {
      id = random.nextLong();
    } while (id == 0);
    return id;
  }
}
