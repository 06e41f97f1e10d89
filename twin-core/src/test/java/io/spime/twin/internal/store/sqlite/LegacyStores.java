package io.spime.twin.internal.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes stores as the releases before Flyway did: the released migrations (the SQL files Flyway
 * runs today), each recorded in {@code spime_schema}.
 */
final class LegacyStores {
  private static final List<String> FILES = List.of(
      "V1__vehicles_telemetry_streams_signals_and_rollups.sql",
      "V2__event_journal_snapshots_heads_and_fleet_query_tables.sql",
      "V3__customers_interactions_and_erased_subjects.sql",
      "V4__compact_journal_clustered_by_vehicle.sql",
      "V5__uplink_car_events_refusals_quarantine_and_connectivity.sql");

  private LegacyStores() {}

  /** A store at {@code version}, with these statements run on it after its migrations. */
  static void create(Path file, int version, String... rows) throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA application_id = " + SqliteMigrations.APPLICATION_ID);
      st.execute("CREATE TABLE spime_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
      for (int v = 1; v <= version; v++) {
        for (String sql : statements(FILES.get(v - 1))) {
          st.execute(sql);
        }
        st.execute("INSERT INTO spime_schema VALUES (" + v + ", 'released', '2025-01-01T00:00:00Z')");
      }
      for (String row : rows) {
        st.execute(row);
      }
    }
  }

  private static List<String> statements(String name) throws IOException {
    String text;
    try (InputStream in = LegacyStores.class.getResourceAsStream("/io/spime/twin/db/sqlite/" + name)) {
      if (in == null) {
        throw new IOException("no migration " + name + " on the class path");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> out = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.startsWith("--")) {
        continue;
      }
      sql.append(line).append('\n');
      if (line.endsWith(";")) {
        out.add(sql.toString().trim().replaceAll(";$", ""));
        sql.setLength(0);
      }
    }
    return out;
  }
}
