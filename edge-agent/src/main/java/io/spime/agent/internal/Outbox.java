package io.spime.agent.internal;

import io.spime.agent.OutboxException;
import io.spime.wire.Priority;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * <p>Every statement is prepared once per connection ({@link OutboxTable}, {@link MetaStore},
 * {@link OutboxTransactions}), and the outbox keeps in memory what it needs to skip a query
 * ({@link OutboxCounts}): how many rows are unsent (a pump with nothing to number runs no SQL) and
 * the size of every numbered row (an ack deletes without counting first). Where the stream stands
 * is {@link OutboxStream}.
 */
public final class Outbox implements AutoCloseable {
  private final Path file;
  private final Connection db;
  private final boolean replacedCorrupt;
  private final MetaStore meta;
  private final OutboxTransactions tx;
  private final OutboxTable table;
  private final OutboxCounts counts;
  private final OutboxStream stream;
  private boolean closed;

  private Outbox(Path file, OutboxOpener.Opened opened, long maxBytes) throws SQLException {
    this.file = file;
    this.db = opened.connection();
    this.replacedCorrupt = opened.replacedCorrupt();
    this.meta = new MetaStore(db);
    this.tx = new OutboxTransactions(db);
    this.table = new OutboxTable(db);
    this.counts = new OutboxCounts(maxBytes);
    tx.beginDurable();
    this.stream = OutboxStream.load(meta, table, file);
    tx.commit();
    recount();
  }

  /**
   * Opens (or creates) the outbox at {@code file}; a corrupt file, or one that is empty or missing
   * though it existed ({@link OutboxMarker}), is moved aside and its readable rows are copied into
   * the fresh outbox ({@link OutboxSalvage}).
   *
   * @throws OutboxException if it cannot be opened or created
   */
  public static Outbox open(Path file, long maxBytes) {
    OutboxOpener.Opened opened = OutboxOpener.open(file);
    try {
      Outbox outbox = new Outbox(file, opened, maxBytes);
      opened.aside().ifPresent(aside -> OutboxSalvage.salvage(aside, rows -> {
        if (!rows.isEmpty()) {
          outbox.seal(0, rows);
        }
      }));
      return outbox;
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
    return stream.id();
  }

  public synchronized long ackedSeq() {
    return stream.ackedSeq();
  }

  /** The sequence the next numbered row will get; rows below it and above ackedSeq are in flight. */
  public synchronized long nextSeq() {
    return stream.nextSeq();
  }

  public synchronized long sealedGeneration() {
    return stream.sealedGeneration();
  }

  public synchronized long backlogRows() {
    return counts.rows();
  }

  public synchronized long backlogBytes() {
    return counts.totalBytes();
  }

  /**
   * Whether a row of this priority would find no room: the outbox is full of higher priorities.
   * Lock-free, for the record path: it never waits for an outbox commit.
   */
  public boolean isFullFor(Priority priority) {
    return counts.isFullFor(priority);
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
      stream.sealed(generation);
      List<OutMessage> numbered = numberWithin(window.allowance(stream.unacked()));
      tx.commit();
      stream.committed();
      counts.numbered(numbered);
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
    long over = counts.overLimitWith(row.body().length);
    if (over > 0) {
      long[] freed = eviction.makeRoom(over, row.priority(), counts.unsentBytes());
      counts.evicted(freed, eviction.takeEvictedRowCount());
      over = counts.overLimitWith(row.body().length);
    }
    if (over > 0 && row.priority() != Priority.CRITICAL) {
      result.refusedRows[p]++;
      result.refusedItems[p] += row.items();
      return;
    }
    if (over > 0) {
      result.criticalOverLimit++; // critical data is kept even above the limit
    }
    table.insert(row);
    counts.stored(p, row.body().length);
  }

  /**
   * Numbers up to {@code max} unsent rows, highest priority first and oldest first within a
   * priority, durably, and returns them in sequence order.
   */
  public synchronized List<OutMessage> numberNext(int max) {
    if (max <= 0 || counts.unsentRows() == 0) {
      return List.of();
    }
    try {
      tx.beginDurable();
      List<OutMessage> out = numberWithin(max);
      tx.commit();
      stream.committed();
      counts.numbered(out);
      return out;
    } catch (SQLException e) {
      rollback(e);
      throw failure("number rows for sending", e);
    }
  }

  /** Numbers up to {@code max} unsent rows in the open transaction; call holding the lock. */
  private List<OutMessage> numberWithin(int max) throws SQLException {
    if (max <= 0 || counts.unsentRows() == 0) {
      return List.of();
    }
    List<OutMessage> out = table.numberUnsent(max, stream.nextSeq());
    if (!out.isEmpty()) {
      stream.numberedUpTo(out.get(out.size() - 1).seq());
    }
    return out;
  }

  /** Numbered, unacknowledged rows from {@code fromSeq} on, at most {@code max}, in sequence order. */
  public synchronized List<OutMessage> numbered(long fromSeq, int max) {
    try {
      return table.numbered(fromSeq, max);
    } catch (SQLException e) {
      throw failure("read numbered rows", e);
    }
  }

  /**
   * Deletes every numbered row up to and including {@code seq} and records it as acknowledged.
   * Returns the number of rows deleted; an ack at or below the current one changes nothing.
   */
  public synchronized int acknowledge(long seq) {
    if (seq <= stream.ackedSeq()) {
      return 0;
    }
    if (seq >= stream.nextSeq()) {
      throw new IllegalArgumentException(
          "ack for seq " + seq + " of stream " + Long.toUnsignedString(stream.id())
              + " but only seqs below " + stream.nextSeq() + " were sent");
    }
    try {
      tx.beginRelaxed();
      int deleted = table.deleteUpTo(seq);
      stream.acked(seq);
      tx.commit();
      stream.committed();
      counts.acknowledged(seq, deleted);
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
      table.close();
      meta.close();
      tx.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }

  /** Reloads the in-memory counts from the table: at open, and after a failed write. */
  private void recount() {
    try {
      counts.load(db);
    } catch (SQLException e) {
      throw failure("count rows", e);
    }
  }

  /**
   * Rolls back the open transaction, if any, forgets the stream values written in it, and prepares
   * every statement again: after a full disk (SQLITE_FULL) the old ones fail for good otherwise.
   */
  private void rollback(SQLException cause) {
    tx.rollback(cause);
    stream.discard();
    tx.reset(cause);
    try {
      table.reprepare();
      meta.reprepare();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private OutboxException failure(String what, SQLException e) {
    return new OutboxException("outbox " + file + ": cannot " + what + ": " + e.getMessage(), e);
  }
}
