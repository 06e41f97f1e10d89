package io.spime.twin.internal.store.sqlite;

import io.spime.twin.exceptions.CorruptStoreException;
import io.spime.twin.exceptions.TwinStoreException;
import java.nio.file.Path;
import java.sql.SQLException;

/** Turns SQLite errors into the store's exceptions, naming the file and what was being done. */
final class SqlErrors {
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;

  private SqlErrors() {}

  static TwinStoreException translate(Path file, String doing, SQLException e) {
    int primary = e.getErrorCode() & 0xff;
    if (primary == SQLITE_NOTADB) {
      return new CorruptStoreException(
          file + " is not an SQLite database (garbage, truncated or encrypted) while " + doing, e);
    }
    if (primary == SQLITE_CORRUPT) {
      return new CorruptStoreException("the database " + file + " is damaged, found while " + doing, e);
    }
    return new TwinStoreException("store " + file + " failed while " + doing + ": " + e.getMessage(), e);
  }
}
