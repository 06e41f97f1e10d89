package io.spime.twin.internal.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.spime.testkit.TestPostgres;
import io.spime.twin.TwinStore;
import io.spime.twin.TwinStoreOptions;
import io.spime.twin.TwinStores;
import io.spime.twin.exceptions.ForeignStoreException;
import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.exceptions.UnsupportedSchemaException;
import io.spime.wire.AssetId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is PostgreSQL's own: opening by URL, the schema's identity and version, partitions, secrets. */
class PostgresStoreTest {
  private TestPostgres.Schema schema;

  @BeforeEach
  void create() {
    TestPostgres.unavailable().ifPresent(Assumptions::abort);
    schema = TestPostgres.freshSchema();
  }

  @AfterEach
  void drop() {
    if (schema != null) {
      schema.close();
    }
  }

  private void execute(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(schema.url());
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(schema.url());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void a_url_opens_a_store_whose_vehicle_tables_are_hash_partitioned() throws Exception {
    AssetId vin = AssetId.parseLenient("WVWZZZ1K0AP000001");
    try (TwinStore store = TwinStores.open(schema.url())) {
      store.recordConnectivity(vin, true, java.time.Instant.parse("2024-01-01T00:00:00Z"), 7);
      assertTrue(store.connectivity(vin).orElseThrow().online());
    }
    assertEquals(PostgresStore.DEFAULT_PARTITIONS, count("SELECT count(*) FROM pg_inherits i JOIN pg_class p "
        + "ON p.oid = i.inhparent WHERE p.relname = 'journal' AND p.relnamespace = '" + schema.name() + "'::regnamespace"));
    assertEquals(1, count("SELECT count(*) FROM pg_partitioned_table t JOIN pg_class p ON p.oid = t.partrelid "
        + "WHERE p.relname = 'journal' AND t.partstrat = 'h' AND p.relnamespace = '" + schema.name() + "'::regnamespace"));
    try (TwinStore store = TwinStores.open(schema.url())) {
      assertTrue(store.connectivity(vin).isPresent(), "reopened, nothing migrated twice");
    }
  }

  @Test
  void a_callers_pool_is_used_and_left_open_when_the_store_closes() {
    AssetId vin = AssetId.parseLenient("WVWZZZ1K0AP000002");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(schema.url());
    config.setMaximumPoolSize(2);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      try (TwinStore store = TwinStores.postgres(pool)) {
        store.recordConnectivity(vin, false, java.time.Instant.parse("2024-01-01T00:00:00Z"), 3);
      }
      assertFalse(pool.isClosed());
      try (TwinStore again = TwinStores.postgres(pool)) {
        assertFalse(again.connectivity(vin).orElseThrow().online());
      }
    }
  }

  @Test
  void a_schema_of_another_application_is_refused_and_left_untouched() throws Exception {
    execute("CREATE TABLE invoices (id int)");
    ForeignStoreException e = assertThrows(ForeignStoreException.class, () -> TwinStores.open(schema.url()));
    assertTrue(e.getMessage().contains("invoices"), e.getMessage());
    assertEquals(1, count("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"));
  }

  @Test
  void a_store_of_a_newer_schema_is_refused_with_both_versions_named() throws Exception {
    TwinStores.open(schema.url()).close();
    execute("INSERT INTO spime_schema_history (installed_rank, version, description, type, script, checksum, "
        + "installed_by, installed_on, execution_time, success) "
        + "VALUES (999, '999', 'future', 'SQL', 'V999__future.sql', 0, 'x', now(), 0, true)");
    UnsupportedSchemaException e = assertThrows(UnsupportedSchemaException.class, () -> TwinStores.open(schema.url()));
    assertTrue(e.getMessage().contains("999") && e.getMessage().contains("up to version 4"), e.getMessage());
  }

  @Test
  void an_unreachable_server_is_named_without_its_password() {
    String url = "jdbc:postgresql://127.0.0.1:1/spime?user=spime&password=hunter2&connectTimeout=2";
    TwinStoreException e = assertThrows(TwinStoreException.class,
        () -> PostgresStore.open(url, TwinStoreOptions.defaults(), 2));
    assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void a_url_of_another_database_is_refused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TwinStores.open("jdbc:mysql://db/spime?password=hunter2"));
    assertTrue(e.getMessage().contains("jdbc:mysql"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }
}
