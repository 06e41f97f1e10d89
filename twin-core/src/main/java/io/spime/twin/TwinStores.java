package io.spime.twin;

import io.spime.twin.internal.store.sqlite.SqliteTwinStore;
import java.nio.file.Path;
import java.util.Objects;

/** Opens twin stores. */
public final class TwinStores {
  private TwinStores() {}

  /**
   * Creates or opens the SQLite twin store in this file (WAL journal, commits synced to disk), and
   * migrates an older schema to the current one.
   *
   * @throws CorruptStoreException if the file is not an SQLite database
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
   * @throws ForeignStoreException if the file is another application's database
   * @throws UnsupportedSchemaException if a newer spime wrote it
   * @throws TwinStoreException if the file cannot be opened or created
   */
  public static TwinStore sqlite(Path file, TwinStoreOptions options) {
    return SqliteTwinStore.open(Objects.requireNonNull(file, "file"), Objects.requireNonNull(options, "options"));
  }
}
