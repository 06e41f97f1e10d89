package io.spime.twin.internal.store.postgres;

import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.internal.store.jdbc.Database;
import io.spime.twin.internal.store.jdbc.Dialect;
import io.spime.twin.internal.store.jdbc.StatementCache;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A PostgreSQL database behind a connection pool: each transaction takes its own connection, so
 * writes of different vehicles run in parallel; those of one vehicle wait for its row lock.
 */
final class PostgresDatabase implements Database {
  private final DataSource pool;
  private final String name;
  private final AutoCloseable owned;
  private volatile boolean closed;

  /** {@code owned} is closed with the database: the pool this store made, or nothing for a caller's. */
  PostgresDatabase(DataSource pool, String name, AutoCloseable owned) {
    this.pool = pool;
    this.name = name;
    this.owned = owned;
  }

  @Override
  public Dialect dialect() {
    return PostgresDialect.INSTANCE;
  }

  @Override
  public <T> T write(String doing, WriteWork<T> work, Consumer<T> committed) {
    T result = inTransaction(doing, false, c -> {
      try (StatementCache sql = new StatementCache(c)) {
        return work.run(sql);
      }
    });
    committed.accept(result);
    return result;
  }

  @Override
  public <T> T read(String doing, Work<T> work) {
    return inTransaction(doing, true, work);
  }

  private <T> T inTransaction(String doing, boolean readOnly, Work<T> work) {
    if (closed) {
      throw new TwinStoreException("twin store " + name + " is closed");
    }
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      if (readOnly) {
        c.setReadOnly(true);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      }
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(c, e);
        throw e;
      }
    } catch (SQLException e) {
      throw PostgresErrors.translate(name, doing, e);
    }
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    closed = true;
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new TwinStoreException("closing the pool of twin store " + name + " failed: " + e.getMessage(), e);
      }
    }
  }
}
