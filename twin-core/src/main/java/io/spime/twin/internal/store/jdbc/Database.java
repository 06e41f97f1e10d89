package io.spime.twin.internal.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * The database under a {@link JdbcTwinStore}: runs write and read transactions and knows its {@link
 * Dialect}. SQL errors are translated into the store's exceptions, naming the store and what was done.
 */
public interface Database extends AutoCloseable {

  /** Work done on a connection; SQL errors are translated by the database. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Write work, given a statement cache of the transaction's connection. */
  interface WriteWork<T> {
    T run(StatementCache sql) throws SQLException;
  }

  Dialect dialect();

  /**
   * Runs work in one write transaction, committed before returning and rolled back on any failure,
   * and hands the result to {@code committed} after the commit.
   */
  <T> T write(String doing, WriteWork<T> work, Consumer<T> committed);

  default <T> T write(String doing, WriteWork<T> work) {
    return write(doing, work, result -> {});
  }

  /**
   * Has {@code dropCaches} run, inside a write, when the database tells that another connection
   * (another process on the same SQLite file) committed since this one last wrote. Databases that
   * cannot tell need no call: their stores keep no cache of committed state.
   */
  default void onForeignCommit(Runnable dropCaches) {}

  /** Runs read-only work in one transaction, so it sees one commit. */
  <T> T read(String doing, Work<T> work);

  @Override
  void close();
}
