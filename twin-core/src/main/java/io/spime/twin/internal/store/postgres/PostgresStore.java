package io.spime.twin.internal.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.spime.twin.TwinStoreOptions;
import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.internal.store.jdbc.JdbcTwinStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/** Opens the twin store in a PostgreSQL database: migrates its schema, then shares the store's SQL. */
public final class PostgresStore {
  /** Hash partitions of each vehicle table in a new store; fixed once the store is created. */
  public static final int DEFAULT_PARTITIONS = 16;

  /** The driver's setting that sends a batch of inserts as multi-row statements; the URL's value wins. */
  static final String REWRITE_BATCHES = "reWriteBatchedInserts";

  private PostgresStore() {}

  /** A store on the caller's pool, which the store does not close. */
  public static JdbcTwinStore open(DataSource dataSource, TwinStoreOptions options, int partitions) {
    Objects.requireNonNull(dataSource, "dataSource");
    String name;
    try (Connection c = dataSource.getConnection()) {
      name = PostgresUrl.redact(c.getMetaData().getURL());
    } catch (SQLException e) {
      throw PostgresErrors.translate(dataSource.getClass().getSimpleName(), "opening it", e);
    }
    PostgresSchema.migrate(dataSource, name, partitions);
    return new JdbcTwinStore(new PostgresDatabase(dataSource, name, null), options);
  }

  /**
   * A store on its own pool to this {@code jdbc:postgresql:} URL. A password not in the URL is taken
   * from the environment ({@link PostgresUrl#PASSWORD_ENV}, {@link PostgresUrl#PASSWORD_FILE_ENV}).
   * The driver rewrites batches into multi-row inserts ({@code reWriteBatchedInserts}) unless the URL says
   * {@code reWriteBatchedInserts=false}; the store's writes read no per-row update counts.
   */
  public static JdbcTwinStore open(String url, TwinStoreOptions options, int partitions) {
    PostgresUrl target = PostgresUrl.parse(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(target.url());
    target.password().ifPresent(config::setPassword);
    config.setPoolName("spime-twin-store");
    config.setMinimumIdle(1);
    config.setMaximumPoolSize(8);
    config.setAutoCommit(false);
    config.setConnectionTimeout(10_000);
    config.addDataSourceProperty(REWRITE_BATCHES, "true");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new TwinStoreException(
          "cannot open PostgreSQL twin store " + target.display() + ": " + e.getMessage(), e);
    }
    try {
      PostgresSchema.migrate(pool, target.display(), partitions);
      return new JdbcTwinStore(new PostgresDatabase(pool, target.display(), pool), options);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** The URL with any password in it replaced by {@code ***}, for output and logs. */
  public static String redact(String url) {
    return PostgresUrl.redact(url);
  }
}
