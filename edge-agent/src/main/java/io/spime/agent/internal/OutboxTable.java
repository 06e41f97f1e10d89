package io.spime.agent.internal;

import io.spime.agent.OutboxException;
import io.spime.wire.Priority;
import io.spime.wire.TopicKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox table's statements, each prepared once per connection. They run in the transaction
 * {@link Outbox} opened; this class keeps no state of its own.
 */
final class OutboxTable implements AutoCloseable {
  private final Connection db;
  private PreparedStatement insert;
  private PreparedStatement pickUnsent;
  private PreparedStatement number;
  private PreparedStatement readNumbered;
  private PreparedStatement deleteAcked;

  OutboxTable(Connection db) throws SQLException {
    this.db = db;
    prepare();
  }

  /** Closes and prepares every statement again, after a failed write left them unusable. */
  void reprepare() throws SQLException {
    OutboxTransactions.closeQuietly(insert, pickUnsent, number, readNumbered, deleteAcked);
    prepare();
  }

  private void prepare() throws SQLException {
    this.insert = db.prepareStatement(
        "INSERT INTO outbox(kind, priority, items, bytes, created_ms, body) VALUES (?,?,?,?,?,?)");
    this.pickUnsent = db.prepareStatement(
        "SELECT id, kind, priority, items, body FROM outbox WHERE seq IS NULL ORDER BY priority DESC, id LIMIT ?");
    this.number = db.prepareStatement("UPDATE outbox SET seq = ? WHERE id = ?");
    this.readNumbered = db.prepareStatement(
        "SELECT seq, kind, priority, items, body FROM outbox WHERE seq >= ? ORDER BY seq LIMIT ?");
    this.deleteAcked = db.prepareStatement("DELETE FROM outbox WHERE seq <= ?");
  }

  void insert(OutboxRow row) throws SQLException {
    insert.setString(1, row.kind().segment());
    insert.setInt(2, row.priority().ordinal());
    insert.setInt(3, row.items());
    insert.setInt(4, row.body().length);
    insert.setLong(5, row.createdMillis());
    insert.setBytes(6, row.body());
    insert.executeUpdate();
  }

  /**
   * Gives up to {@code max} unsent rows, highest priority first and oldest first within a priority,
   * the sequence numbers from {@code firstSeq} on, and returns them in sequence order.
   */
  List<OutMessage> numberUnsent(int max, long firstSeq) throws SQLException {
    List<OutMessage> out = new ArrayList<>();
    pickUnsent.setInt(1, max);
    long seq = firstSeq;
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
    return out;
  }

  /** Numbered rows from {@code fromSeq} on, at most {@code max}, in sequence order. */
  List<OutMessage> numbered(long fromSeq, int max) throws SQLException {
    List<OutMessage> out = new ArrayList<>();
    readNumbered.setLong(1, fromSeq);
    readNumbered.setInt(2, max);
    try (ResultSet rs = readNumbered.executeQuery()) {
      while (rs.next()) {
        out.add(new OutMessage(rs.getLong(1), kindOf(rs.getString(2)),
            Priority.values()[rs.getInt(3)], rs.getInt(4), rs.getBytes(5)));
      }
    }
    return out;
  }

  /** Deletes the numbered rows up to and including {@code seq}; returns how many. */
  int deleteUpTo(long seq) throws SQLException {
    deleteAcked.setLong(1, seq);
    return deleteAcked.executeUpdate();
  }

  /** Whether the table holds no row at all; at open only, so not prepared. */
  boolean isEmpty() throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM outbox")) {
      rs.next();
      return rs.getLong(1) == 0;
    }
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement statement : List.of(insert, pickUnsent, number, readNumbered, deleteAcked)) {
      statement.close();
    }
  }

  private static TopicKind kindOf(String segment) {
    for (TopicKind kind : TopicKind.values()) {
      if (kind.segment().equals(segment)) {
        return kind;
      }
    }
    throw new OutboxException("outbox row has unknown topic kind '" + segment + "'");
  }
}
