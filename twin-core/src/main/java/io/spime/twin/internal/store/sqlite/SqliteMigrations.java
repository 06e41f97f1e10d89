package io.spime.twin.internal.store.sqlite;

import io.spime.twin.exceptions.UnsupportedSchemaException;
import io.spime.twin.internal.store.jdbc.SchemaMigrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteDataSource;

/**
 * Migrates an SQLite store with Flyway. A store made before Flyway recorded its versions in {@code
 * spime_schema} (1 to {@value #LAST_LEGACY_VERSION}); Flyway takes it over at that version. The table
 * is kept with a {@value #GUARD_VERSION} row, so a release from before Flyway refuses the store as
 * newer instead of running its own migrations on it.
 */
final class SqliteMigrations {
  /** {@code PRAGMA application_id} of a spime twin store: "SPTW". */
  static final int APPLICATION_ID = 0x53505457;

  static final int LAST_LEGACY_VERSION = 5;
  static final int GUARD_VERSION = 1000;

  private SqliteMigrations() {}

  /** Migrates the file; {@code c} is a connection to it in auto-commit mode, used for the legacy table. */
  static void migrate(Path file, Connection c) throws SQLException {
    Optional<Integer> legacy = legacyVersion(c);
    if (legacy.isPresent() && legacy.get() > LAST_LEGACY_VERSION) {
      throw new UnsupportedSchemaException("twin store " + file + " has schema version " + legacy.get()
          + ", written by a newer spime; this library knows up to version " + LAST_LEGACY_VERSION);
    }
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + file);
    ds.setBusyTimeout(10_000);
    SchemaMigrations.migrate(ds, "sqlite", file.toString(), Map.of(),
        hasTable(c, SchemaMigrations.HISTORY_TABLE) ? Optional.empty() : legacy);
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS spime_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
          + "applied_at TEXT NOT NULL)");
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT OR IGNORE INTO spime_schema (version, description, applied_at) VALUES (?, ?, ?)")) {
      ps.setInt(1, GUARD_VERSION);
      ps.setString(2, "versions are in " + SchemaMigrations.HISTORY_TABLE + " (Flyway) from here on");
      ps.setString(3, Instant.now().toString());
      ps.executeUpdate();
    }
  }

  /** The version in the pre-Flyway table, without the guard row; empty for a store without one. */
  private static Optional<Integer> legacyVersion(Connection c) throws SQLException {
    if (!hasTable(c, "spime_schema")) {
      return Optional.empty();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM spime_schema WHERE version <> ?")) {
      ps.setInt(1, GUARD_VERSION);
      try (ResultSet rs = ps.executeQuery()) {
        int version = rs.next() ? rs.getInt(1) : 0;
        return version == 0 ? Optional.empty() : Optional.of(version);
      }
    }
  }

  private static boolean hasTable(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
