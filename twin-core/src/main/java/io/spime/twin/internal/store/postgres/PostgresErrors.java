package io.spime.twin.internal.store.postgres;

import io.spime.twin.exceptions.TwinStoreException;
import java.sql.SQLException;

/** Turns PostgreSQL errors into the store's exceptions, naming the database and what was being done. */
final class PostgresErrors {
  private PostgresErrors() {}

  static TwinStoreException translate(String database, String doing, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("08")) {
      return new TwinStoreException("PostgreSQL twin store " + database + " cannot be reached while " + doing
          + " (SQL state " + state + "): " + e.getMessage() + "; nothing of this call was committed", e);
    }
    SQLException next = e.getNextException();
    String detail = next != null && next.getMessage() != null ? " (" + next.getMessage() + ")" : "";
    return new TwinStoreException("PostgreSQL twin store " + database + " failed while " + doing + " (SQL state "
        + state + "): " + e.getMessage() + detail, e);
  }
}
