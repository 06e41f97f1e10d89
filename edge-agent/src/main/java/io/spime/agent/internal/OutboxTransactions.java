package io.spime.agent.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The outbox connection's transactions, begun and ended by statements prepared once (the
 * connection stays in JDBC auto-commit, so a lone read needs no commit), each committed at the
 * sync level it was begun with.
 */
final class OutboxTransactions implements AutoCloseable {
  private final SyncLevel sync;
  private final PreparedStatement begin;
  private final PreparedStatement commit;
  private final PreparedStatement rollback;
  private boolean open;

  OutboxTransactions(Connection db) throws SQLException {
    this.sync = new SyncLevel(db);
    this.begin = db.prepareStatement("BEGIN");
    this.commit = db.prepareStatement("COMMIT");
    this.rollback = db.prepareStatement("ROLLBACK");
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
