package io.spime.agent.internal;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Key-value rows of the outbox's {@code meta} table, by statements prepared once; the caller commits. */
final class MetaStore implements AutoCloseable {
  private final Connection db;
  private PreparedStatement read;
  private PreparedStatement write;

  MetaStore(Connection db) throws SQLException {
    this.db = db;
    prepare();
  }

  private void prepare() throws SQLException {
    this.read = db.prepareStatement("SELECT value FROM meta WHERE key = ?");
    this.write = db.prepareStatement(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  }

  /** Closes and prepares every statement again, after a failed write left them unusable. */
  void reprepare() throws SQLException {
    OutboxTransactions.closeQuietly(read, write);
    prepare();
  }

  Optional<Long> getLong(String key) throws SQLException {
    return getBytes(key).map(bytes -> ByteBuffer.wrap(bytes).getLong());
  }

  void putLong(String key, long value) throws SQLException {
    putBytes(key, ByteBuffer.allocate(8).putLong(value).array());
  }

  Optional<byte[]> getBytes(String key) throws SQLException {
    read.setString(1, key);
    try (ResultSet rs = read.executeQuery()) {
      return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
    }
  }

  void putBytes(String key, byte[] value) throws SQLException {
    write.setString(1, key);
    write.setBytes(2, value);
    write.executeUpdate();
  }

  @Override
  public void close() throws SQLException {
    read.close();
    write.close();
  }
}
