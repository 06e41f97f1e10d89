package io.spime.twin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one vehicle-year costs on PostgreSQL beside SQLite, measured the same way on both in one run:
 * the year of {@link VehicleYearFootprintTest} for {@value #FEW} and for {@value #MANY} cars, the
 * stores compacted ({@code VACUUM FULL}, SQLite's {@code VACUUM}), and the difference divided by the
 * {@value #MANY} − {@value #FEW} cars, so the fixed cost of empty tables, partitions and index roots
 * falls out. PostgreSQL's size is every table, index and TOAST relation of the store's schema. Not a
 * speed test.
 */
class PostgresFootprintTest {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresFootprintTest.class);
  private static final int FEW = 4;
  private static final int MANY = 12;
  private static final int SAMPLE_EVERY_SECONDS = 240;

  @TempDir Path dir;

  @Test
  void a_vehicle_year_on_postgresql_costs_less_than_a_megabyte_and_is_measured_beside_sqlite() throws Exception {
    long postgres = (postgresBytes(MANY) - postgresBytes(FEW)) / (MANY - FEW);
    long sqlite = (sqliteBytes(MANY) - sqliteBytes(FEW)) / (MANY - FEW);
    LOG.info("bytes per vehicle-year: PostgreSQL {}, SQLite {} (difference of {} and {} cars, compacted)",
        postgres, sqlite, MANY, FEW);
    assertTrue(postgres > 0 && postgres < 1_000_000, postgres + " bytes");
    assertTrue(sqlite > 0 && sqlite < postgres, "SQLite's pages are denser: " + sqlite + " vs " + postgres);
  }

  private long postgresBytes(int vehicles) throws Exception {
    try (TestStore stores = TestStore.Kind.POSTGRES.create()) {
      try (TwinStore store = stores.open(VehicleYearFootprintTest.options())) {
        VehicleYearFootprintTest.driveAYear(store, vehicles, SAMPLE_EVERY_SECONDS);
      }
      try (Connection c = stores.connect(); Statement st = c.createStatement()) {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(
            "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'")) {
          while (rs.next()) {
            tables.add(rs.getString(1));
          }
        }
        for (String table : tables) {
          st.execute("VACUUM FULL " + table);
        }
        try (ResultSet rs = st.executeQuery("SELECT sum(pg_total_relation_size(oid)) FROM pg_class "
            + "WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'")) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }
  }

  private long sqliteBytes(int vehicles) throws Exception {
    Path file = dir.resolve("twins-" + vehicles + ".db");
    try (TwinStore store = TwinStores.sqlite(file, VehicleYearFootprintTest.options())) {
      VehicleYearFootprintTest.driveAYear(store, vehicles, SAMPLE_EVERY_SECONDS);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
      st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      st.execute("VACUUM");
    }
    return Files.size(file);
  }
}
