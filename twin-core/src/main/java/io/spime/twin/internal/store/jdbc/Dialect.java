package io.spime.twin.internal.store.jdbc;

import java.sql.SQLException;

/** What differs between the SQL databases of the twin store; the rest of the SQL is shared. */
public interface Dialect {

  /**
   * True if other processes may write the same database: a write then locks the rows of its vehicles
   * ({@code SELECT … FOR UPDATE}, in VIN order) before it reads their state, and no process keeps
   * current twins between transactions. False for a database with one writer (SQLite).
   */
  boolean sharedWriters();

  /** The statement that shows the query plan of {@code sql}. */
  String explain(String sql);

  /** True if the failure is the journal's unique index on (vehicle, event id). */
  boolean isDuplicateEventId(SQLException e);

  /** How a write transaction upserts its folded telemetry; a JDBC batch per table unless a dialect has better. */
  default SignalUpserts signalUpserts() {
    return BatchedSignalUpserts.INSTANCE;
  }
}
