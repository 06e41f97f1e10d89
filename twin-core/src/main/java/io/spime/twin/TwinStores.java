package io.spime.twin;

import io.spime.twin.exceptions.CorruptStoreException;
import io.spime.twin.exceptions.ForeignStoreException;
import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.exceptions.UnsupportedSchemaException;
import io.spime.twin.internal.store.postgres.PostgresStore;
import io.spime.twin.internal.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;

/** Opens twin stores: an SQLite file (embedded) or a PostgreSQL database (a fleet). */
public final class TwinStores {
  private TwinStores() {}

  /**
   * Creates or opens the SQLite twin store in this file (WAL journal, commits synced to disk), and
   * migrates an older schema to the current one.
   *
   * @throws CorruptStoreException if the file is not an SQLite database, or is empty or missing
   *     though its marker says a store was created there
   * @throws ForeignStoreException if the file is another application's database
   * @throws UnsupportedSchemaException if a newer spime wrote it
   * @throws TwinStoreException if the file cannot be opened or created
   */
  public static TwinStore sqlite(Path file) {
    return sqlite(file, TwinStoreOptions.defaults());
  }

  /**
   * Creates or opens the SQLite twin store in this file with these options.
   *
   * @throws CorruptStoreException if the file is not an SQLite database
   * @throws io.spime.twin.exceptions.VanishedStoreException if the file is empty or missing but
   *     its marker {@code <file>.created} says a store was created there
   * @throws ForeignStoreException if the file is another application's database
   * @throws UnsupportedSchemaException if a newer spime wrote it
   * @throws TwinStoreException if the file cannot be opened or created
   */
  public static TwinStore sqlite(Path file, TwinStoreOptions options) {
    return SqliteStore.open(Objects.requireNonNull(file, "file"), Objects.requireNonNull(options, "options"));
  }

  /**
   * Opens the twin store in the current schema of this PostgreSQL pool, creating or migrating its
   * tables; the store does not close the pool.
   *
   * @throws ForeignStoreException if the schema holds another application's tables
   * @throws UnsupportedSchemaException if a newer spime wrote it
   * @throws TwinStoreException if the database cannot be reached or migrated
   */
  public static TwinStore postgres(DataSource dataSource) {
    return postgres(dataSource, TwinStoreOptions.defaults());
  }

  /**
   * As {@link #postgres(DataSource)}, with these options ({@link TwinStoreOptions#durability()} is the
   * server's: a commit returns once PostgreSQL has it durable).
   *
   * @throws TwinStoreException if the database cannot be reached or migrated
   */
  public static TwinStore postgres(DataSource dataSource, TwinStoreOptions options) {
    return PostgresStore.open(Objects.requireNonNull(dataSource, "dataSource"),
        Objects.requireNonNull(options, "options"), PostgresStore.DEFAULT_PARTITIONS);
  }

  /**
   * Opens the store a URL names: {@code jdbc:postgresql://host/db?user=…} (its own connection pool; a
   * password not in the URL comes from the environment variable {@code SPIME_PG_PASSWORD} or the file
   * named by {@code SPIME_PG_PASSWORD_FILE}), {@code jdbc:sqlite:<file>}, or a plain SQLite file path.
   *
   * @throws IllegalArgumentException if the URL is of another database
   * @throws TwinStoreException if the store cannot be opened (see {@link #sqlite(Path)} and {@link
   *     #postgres(DataSource)} for the specific failures)
   */
  public static TwinStore open(String url) {
    return open(url, TwinStoreOptions.defaults());
  }

  /**
   * As {@link #open(String)}, with these options.
   *
   * @throws IllegalArgumentException if the URL is of another database
   * @throws TwinStoreException if the store cannot be opened
   */
  public static TwinStore open(String url, TwinStoreOptions options) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(options, "options");
    if (url.startsWith("jdbc:postgresql:")) {
      return PostgresStore.open(url, options, PostgresStore.DEFAULT_PARTITIONS);
    }
    if (url.startsWith("jdbc:sqlite:")) {
      return sqlite(Path.of(url.substring("jdbc:sqlite:".length())), options);
    }
    if (url.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "twin stores are on PostgreSQL (jdbc:postgresql:…) or SQLite (jdbc:sqlite:<file> or a file path), not "
              + redact(url));
    }
    return sqlite(Path.of(url), options);
  }

  /** The store URL or path as it may be shown in output and logs: any password in it replaced by {@code ***}. */
  public static String redact(String url) {
    return PostgresStore.redact(Objects.requireNonNull(url, "url"));
  }
}
