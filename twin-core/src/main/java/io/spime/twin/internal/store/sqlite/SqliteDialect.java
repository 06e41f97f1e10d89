package io.spime.twin.internal.store.sqlite;

import io.spime.twin.internal.store.jdbc.Dialect;
import java.sql.SQLException;

/** SQLite: one writer connection per file, so no row locks and a trusted cache of current twins. */
enum SqliteDialect implements Dialect {
  INSTANCE;

  @Override
  public boolean sharedWriters() {
    return false;
  }

  @Override
  public String explain(String sql) {
    return "EXPLAIN QUERY PLAN " + sql;
  }

  @Override
  public boolean isDuplicateEventId(SQLException e) {
    return e.getMessage() != null && e.getMessage().contains("journal.event_id");
  }
}
