package io.spime.twin.internal.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.twin.Fixtures;
import io.spime.twin.JournalEntry;
import io.spime.twin.Twin;
import io.spime.twin.TwinEventJson;
import io.spime.twin.TwinStoreOptions;
import io.spime.twin.event.DtcCleared;
import io.spime.twin.exceptions.UnsupportedSchemaException;
import io.spime.twin.fleet.CarEvent;
import io.spime.twin.ingest.UplinkApplyResult;
import io.spime.twin.ingest.UplinkMessage;
import io.spime.twin.internal.json.TwinJson;
import io.spime.twin.internal.store.jdbc.JdbcTwinStore;
import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import io.spime.wire.StreamPosition;
import io.spime.wire.AssetId;
import io.spime.wire.telemetry.Sample;
import io.spime.wire.telemetry.SignalValue;
import io.spime.wire.telemetry.TelemetryBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores made by the hand-written migrations of earlier releases, taken over by Flyway in place. */
class MigrationTest {
  private static final AssetId VIN = AssetId.parseLenient("WVWZZZ1K0AP000001");

  @TempDir Path dir;

  @Test
  void a_store_at_schema_version_1_is_migrated_with_its_telemetry_kept() throws Exception {
    Path file = dir.resolve("v1.db");
    LegacyStores.create(file, 1,
        "INSERT INTO vehicles (vin, samples_applied, last_seen_ms, last_stream_id) VALUES ('" + VIN + "', 7, 1000, 5)",
        "INSERT INTO telemetry_streams VALUES (1, 5, 3)");
    try (JdbcTwinStore store = SqliteStore.open(file, TwinStoreOptions.defaults())) {
      assertEquals(7, store.samplesApplied(VIN));
      assertEquals(3, store.streamProgress(VIN).orElseThrow().durableSeq());
      assertEquals(1, Fixtures.applyTelemetry(store, List.of(new TelemetryBatch(VIN, new StreamPosition(5, 4, 1), 1,
          List.of(new Sample(1, 2000, SignalValue.of(1.0)))))).appliedMessages());
      assertEquals(0, store.twin(VIN).orElseThrow().revision());
    }
    assertEquals("1,2,3,4,5,6,7,8", query(file,
        "SELECT group_concat(version) FROM (SELECT version FROM spime_schema_history ORDER BY installed_rank)"));
  }

  @Test
  void journal_rows_of_schema_version_3_keep_their_event_ids_through_the_version_4_rebuild() throws Exception {
    Path file = dir.resolve("v3.db");
    UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    String body = TwinEventJson.write(new DtcCleared("P1"));
    LegacyStores.create(file, 3,
        "INSERT INTO vehicles (vin, revision) VALUES ('" + VIN + "', 1)",
        "INSERT INTO journal (vehicle_id, revision, event_id, occurred_ms, recorded_ms, source_kind, source_id, "
            + "type, subject, body) VALUES (1, 1, '" + id + "', 5, 6, 'WORKSHOP', 'w', 'DtcCleared', NULL, '" + body + "')");
    try (JdbcTwinStore store = SqliteStore.open(file, TwinStoreOptions.defaults())) {
      JournalEntry e = store.history(VIN, 0, 10).get(0);
      assertEquals(id, e.id().value());
      assertEquals(new DtcCleared("P1"), e.event());
      assertEquals(5, e.occurredAt().toEpochMilli());
    }
  }

  @Test
  void a_store_at_schema_version_4_gets_the_uplink_tables_and_keeps_its_twins_and_streams() throws Exception {
    Path file = dir.resolve("v4.db");
    var head = TwinJson.mapper().valueToTree(Twin.unknown(VIN));
    ((com.fasterxml.jackson.databind.node.ObjectNode) head).remove("commands");
    LegacyStores.create(file, 4,
        "INSERT INTO vehicles (vin, samples_applied, last_seen_ms, last_stream_id) VALUES ('" + VIN + "', 7, 1000, 5)",
        "INSERT INTO telemetry_streams VALUES (1, 5, 3)",
        "INSERT INTO twin_heads VALUES (1, 0, '" + head + "')");
    try (JdbcTwinStore store = SqliteStore.open(file, TwinStoreOptions.defaults())) {
      assertEquals(Map.of(), store.twin(VIN).orElseThrow().commands());
      assertEquals(Optional.empty(), store.connectivity(VIN));
      UplinkApplyResult r = store.applyUplink(List.of(
          new UplinkMessage.Events(VIN, new StreamPosition(5, 4, 1), List.of(new CarEvent("ev-1",
              Instant.ofEpochMilli(2000), DataCategory.VEHICLE_HEALTH, Priority.NORMAL, "ignition", Map.of("on", "true"))),
              List.of()),
          new UplinkMessage.Quarantined(VIN, new StreamPosition(5, 5, 1), "spime/v1/x/events", "bad", new byte[] {7})));
      assertEquals(2, r.appliedMessages());
      assertEquals(5, store.streamProgress(VIN).orElseThrow().durableSeq());
      assertEquals(1, store.carEvents(VIN, Instant.EPOCH, 10).size());
      assertEquals(1, store.quarantined(VIN, 10).size());
      store.recordConnectivity(VIN, true, Instant.ofEpochMilli(500), 3);
      assertEquals(Optional.of(store.quarantined(VIN, 1).get(0).receivedAt()),
          store.connectivity(VIN).orElseThrow().lastSeen(), "the newest message is the quarantined one");
    }
    assertEquals("8", query(file, "SELECT MAX(CAST(version AS INTEGER)) FROM spime_schema_history"));
  }

  @Test
  void a_store_migrated_by_flyway_is_refused_by_a_release_from_before_it() throws Exception {
    Path file = dir.resolve("guarded.db");
    LegacyStores.create(file, 5);
    SqliteStore.open(file, TwinStoreOptions.defaults()).close();
    assertEquals(String.valueOf(SqliteMigrations.GUARD_VERSION), query(file, "SELECT MAX(version) FROM spime_schema"),
        "a release before Flyway reads this as a newer schema and refuses the store");
  }

  @Test
  void a_store_whose_old_schema_table_names_a_newer_version_is_refused() throws Exception {
    Path file = dir.resolve("newer-legacy.db");
    LegacyStores.create(file, 5, "INSERT INTO spime_schema VALUES (6, 'future', '2030-01-01T00:00:00Z')");
    UnsupportedSchemaException e = assertThrows(UnsupportedSchemaException.class,
        () -> SqliteStore.open(file, TwinStoreOptions.defaults()));
    assertTrue(e.getMessage().contains("version 6"), e.getMessage());
  }

  static String query(Path file, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
