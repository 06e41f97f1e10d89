package io.spime.twin.internal.store.postgres;

import io.spime.twin.exceptions.ForeignStoreException;
import io.spime.twin.internal.store.jdbc.SchemaMigrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Creates or migrates the twin store's tables in the connection's current schema. */
final class PostgresSchema {
  private static final String HISTORY_TABLE = SchemaMigrations.HISTORY_TABLE;

  private PostgresSchema() {}

  static void migrate(DataSource ds, String name, int partitions) {
    checkIdentity(ds, name);
    SchemaMigrations.migrate(ds, "postgres", name, Map.of("partitions", Integer.toString(partitions)), Optional.empty());
  }

  /** Refuses a schema that holds tables but no twin store history: another application's. */
  private static void checkIdentity(DataSource ds, String name) {
    List<String> tables = new ArrayList<>();
    boolean ours;
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                + "ORDER BY table_name <> ?, table_name LIMIT 10")) {
      ps.setString(1, HISTORY_TABLE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      ours = tables.contains(HISTORY_TABLE);
      if (!c.getAutoCommit()) {
        c.rollback();
      }
    } catch (SQLException e) {
      throw PostgresErrors.translate(name, "opening it", e);
    }
    if (!tables.isEmpty() && !ours) {
      throw new ForeignStoreException("the current schema of " + name
          + " holds tables of another application, not a spime twin store (" + tables + "); it was left untouched");
    }
  }
}
