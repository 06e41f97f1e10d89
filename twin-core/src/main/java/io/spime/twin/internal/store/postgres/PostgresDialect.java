package io.spime.twin.internal.store.postgres;

import io.spime.twin.internal.store.jdbc.Dialect;
import io.spime.twin.internal.store.jdbc.SignalUpserts;
import java.sql.SQLException;

/**
 * PostgreSQL: many processes write one database, so a write locks its vehicles' rows and no process
 * keeps current twins between transactions.
 */
enum PostgresDialect implements Dialect {
  INSTANCE;

  private static final String UNIQUE_VIOLATION = "23505";

  @Override
  public boolean sharedWriters() {
    return true;
  }

  @Override
  public String explain(String sql) {
    return "EXPLAIN " + sql;
  }

  /** COPY into staging tables and one upsert per table: fewer round trips than a batch of rows. */
  @Override
  public SignalUpserts signalUpserts() {
    return CopySignalUpserts.INSTANCE;
  }

  /** A unique violation on an index of (vehicle_id, event_id): the journal's partitions name theirs so. */
  @Override
  public boolean isDuplicateEventId(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (UNIQUE_VIOLATION.equals(x.getSQLState()) && x.getMessage() != null && x.getMessage().contains("event_id")) {
        return true;
      }
    }
    return false;
  }
}
