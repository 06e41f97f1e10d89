package io.spime.agent.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The outbox connection's transactions, begun and ended by statements prepared once (the
 * connection stays in JDBC auto-commit, so a lone read needs no commit), each committed at the
 * sync level it was begun with.
 */
final class OutboxTransactions implements AutoCloseable {
  private final Connection db;
  private final SyncLevel sync;
  private PreparedStatement begin;
  private PreparedStatement commit;
  private PreparedStatement rollback;
  private boolean open;

  OutboxTransactions(Connection db) throws SQLException {
    this.db = db;
    this.sync = new SyncLevel(db);
    prepare();
  }

  private void prepare() throws SQLException {
    this.begin = db.prepareStatement("BEGIN");
    this.commit = db.prepareStatement("COMMIT");
    this.rollback = db.prepareStatement("ROLLBACK");
  }

  /**
   * After a failed write (SQLITE_FULL, an I/O error) SQLite may have rolled back on its own and
   * sqlite-jdbc may have left prepared statements unusable ("statement is not executing"): ends any
   * transaction still open with an unprepared ROLLBACK and prepares these statements again, so the
   * next transaction can begin once the disk takes writes again.
   */
  void reset(SQLException cause) {
    open = false;
    try (Statement statement = db.createStatement()) {
      statement.execute("ROLLBACK");
    } catch (SQLException noTransaction) {
      // the usual case: SQLite already rolled back ("no transaction is active")
    }
    try {
      closeQuietly(begin, commit, rollback);
      prepare();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Closes statements, ignoring failures: they are being replaced or were already unusable. */
  static void closeQuietly(PreparedStatement... statements) {
    for (PreparedStatement statement : statements) {
      try {
        if (statement != null) {
          statement.close();
        }
      } catch (SQLException e) {
        // an unusable statement may fail to close; it is dropped either way
      }
    }
  }

  /** Begins a transaction whose commit is fsynced. */
  void beginDurable() throws SQLException {
    sync.full();
    begin();
  }

  /** Begins a transaction whose commit survives a killed process but not a power cut. */
  void beginRelaxed() throws SQLException {
    sync.relaxed();
    begin();
  }

  void commit() throws SQLException {
    commit.execute();
    open = false;
  }

  /** Rolls back the open transaction, if any; a failure to do so is added to {@code cause}. */
  void rollback(SQLException cause) {
    if (!open) {
      return;
    }
    try {
      rollback.execute();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
    open = false;
  }

  private void begin() throws SQLException {
    begin.execute();
    open = true;
  }

  @Override
  public void close() throws SQLException {
    begin.close();
    commit.close();
    rollback.close();
  }
}
