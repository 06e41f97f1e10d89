package io.spime.twin.internal.store.sqlite;

import io.spime.twin.TwinStoreOptions;
import io.spime.twin.internal.store.jdbc.JdbcTwinStore;
import java.nio.file.Path;

/** Opens the twin store in an SQLite file. */
public final class SqliteStore {
  private SqliteStore() {}

  public static JdbcTwinStore open(Path file, TwinStoreOptions options) {
    String synchronous = options.durability() == TwinStoreOptions.Durability.POWER_LOSS_SAFE ? "FULL" : "NORMAL";
    return new JdbcTwinStore(SqliteDatabase.open(file, synchronous), options);
  }
}
