package io.spime.agent.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How hard the outbox's next commit goes to disk. A {@link #full} commit is fsynced (the WAL is
 * synced before it returns), so it survives a power cut. A {@link #relaxed} commit
 * (synchronous=NORMAL) survives a killed process but can be lost in a power cut, and then only
 * together with every later relaxed commit: the next full commit syncs the WAL, and with it every
 * frame written before. SQLite refuses to change the level inside a transaction: call it between
 * transactions only. The pragma is parsed anew at every switch: SQLite applies it when the
 * statement is prepared, so a prepared one cannot be run again.
 */
final class SyncLevel {
  private final Connection db;
  private boolean full = true;

  /** For a connection opened with synchronous=FULL. */
  SyncLevel(Connection db) {
    this.db = db;
  }

  /** The next commit is fsynced. */
  void full() throws SQLException {
    if (!full) {
      set("FULL");
      full = true;
    }
  }

  /** The next commit is not fsynced; the next {@link #full} commit makes it durable. */
  void relaxed() throws SQLException {
    if (full) {
      set("NORMAL");
      full = false;
    }
  }

  private void set(String level) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute("PRAGMA synchronous=" + level);
    }
  }
}
