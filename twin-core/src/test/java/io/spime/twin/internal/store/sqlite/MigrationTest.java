package io.spime.twin.internal.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spime.twin.TwinStoreOptions;
import io.spime.wire.Sample;
import io.spime.wire.SignalValue;
import io.spime.wire.StreamPosition;
import io.spime.wire.TelemetryBatch;
import io.spime.wire.Vin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {
  @TempDir Path dir;

  @Test
  void a_store_at_schema_version_1_is_migrated_with_its_telemetry_kept() throws Exception {
    Path file = dir.resolve("v1.db");
    Vin vin = Vin.parseLenient("WVWZZZ1K0AP000001");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA application_id = " + SqliteSchema.APPLICATION_ID);
      st.execute("CREATE TABLE spime_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
      for (String sql : SqliteSchema.MIGRATIONS.get(0).statements()) {
        st.execute(sql);
      }
      st.execute("INSERT INTO spime_schema VALUES (1, 'v1', '2025-01-01T00:00:00Z')");
      st.execute("INSERT INTO vehicles (vin, samples_applied, last_seen_ms, last_stream_id) VALUES ('" + vin + "', 7, 1000, 5)");
      st.execute("INSERT INTO telemetry_streams VALUES (1, 5, 3)");
    }
    try (SqliteTwinStore store = SqliteTwinStore.open(file, TwinStoreOptions.defaults())) {
      assertEquals(7, store.samplesApplied(vin));
      assertEquals(3, store.streamProgress(vin).orElseThrow().durableSeq());
      assertEquals(1, store.applyTelemetry(List.of(new TelemetryBatch(vin, new StreamPosition(5, 4, 1), 1,
          List.of(new Sample(1, 2000, SignalValue.of(1.0)))))).appliedBatches());
      assertEquals(0, store.twin(vin).orElseThrow().revision());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT group_concat(version) FROM spime_schema ORDER BY version")) {
      rs.next();
      assertEquals(String.join(",", SqliteSchema.MIGRATIONS.stream().map(m -> String.valueOf(m.version())).toList()),
          rs.getString(1));
    }
  }


  @Test
  void journal_rows_of_schema_version_3_keep_their_event_ids_through_the_version_4_rebuild() throws Exception {
    Path file = dir.resolve("v3.db");
    Vin vin = Vin.parseLenient("WVWZZZ1K0AP000001");
    java.util.UUID id = java.util.UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    String body = io.spime.twin.TwinEventJson.write(new io.spime.twin.event.DtcCleared("P1"));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA application_id = " + SqliteSchema.APPLICATION_ID);
      st.execute("CREATE TABLE spime_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
      for (Migration m : SqliteSchema.MIGRATIONS.subList(0, 3)) {
        for (String sql : m.statements()) {
          st.execute(sql);
        }
        st.execute("INSERT INTO spime_schema VALUES (" + m.version() + ", 'old', '2025-01-01T00:00:00Z')");
      }
      st.execute("INSERT INTO vehicles (vin, revision) VALUES ('" + vin + "', 1)");
      st.execute("INSERT INTO journal (vehicle_id, revision, event_id, occurred_ms, recorded_ms, source_kind, source_id, "
          + "type, subject, body) VALUES (1, 1, '" + id + "', 5, 6, 'WORKSHOP', 'w', 'DtcCleared', NULL, '" + body + "')");
    }
    try (SqliteTwinStore store = SqliteTwinStore.open(file, TwinStoreOptions.defaults())) {
      io.spime.twin.JournalEntry e = store.history(vin, 0, 10).get(0);
      assertEquals(id, e.id().value());
      assertEquals(new io.spime.twin.event.DtcCleared("P1"), e.event());
      assertEquals(5, e.occurredAt().toEpochMilli());
    }
  }

  @Test
  void a_store_at_schema_version_4_gets_the_uplink_tables_and_keeps_its_twins_and_streams() throws Exception {
    Path file = dir.resolve("v4.db");
    Vin vin = Vin.parseLenient("WVWZZZ1K0AP000001");
    io.spime.twin.Twin old = io.spime.twin.Twin.unknown(vin);
    com.fasterxml.jackson.databind.node.ObjectNode head =
        io.spime.twin.internal.json.TwinJson.mapper().valueToTree(old);
    head.remove("commands");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA application_id = " + SqliteSchema.APPLICATION_ID);
      st.execute("CREATE TABLE spime_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
      for (Migration m : SqliteSchema.MIGRATIONS.subList(0, 4)) {
        for (String sql : m.statements()) {
          st.execute(sql);
        }
        st.execute("INSERT INTO spime_schema VALUES (" + m.version() + ", 'old', '2025-01-01T00:00:00Z')");
      }
      st.execute("INSERT INTO vehicles (vin, samples_applied, last_seen_ms, last_stream_id) VALUES ('" + vin
          + "', 7, 1000, 5)");
      st.execute("INSERT INTO telemetry_streams VALUES (1, 5, 3)");
      st.execute("INSERT INTO twin_heads VALUES (1, 0, '" + head + "')");
    }
    try (SqliteTwinStore store = SqliteTwinStore.open(file, TwinStoreOptions.defaults())) {
      assertEquals(java.util.Map.of(), store.twin(vin).orElseThrow().commands());
      assertEquals(java.util.Optional.empty(), store.connectivity(vin));
      io.spime.twin.UplinkApplyResult r = store.applyUplink(List.of(
          new io.spime.twin.UplinkMessage.Events(vin, new StreamPosition(5, 4, 1), List.of(new io.spime.twin.CarEvent(
              "ev-1", java.time.Instant.ofEpochMilli(2000), io.spime.wire.DataCategory.VEHICLE_HEALTH,
              io.spime.wire.Priority.NORMAL, "ignition", java.util.Map.of("on", "true"))), List.of()),
          new io.spime.twin.UplinkMessage.Quarantined(vin, new StreamPosition(5, 5, 1), "spime/v1/x/events", "bad",
              new byte[] {7})));
      assertEquals(2, r.appliedMessages());
      assertEquals(5, store.streamProgress(vin).orElseThrow().durableSeq());
      assertEquals(1, store.carEvents(vin, java.time.Instant.EPOCH, 10).size());
      assertEquals(1, store.quarantined(vin, 10).size());
      store.recordConnectivity(vin, true, java.time.Instant.ofEpochMilli(500), 3);
      assertEquals(java.util.Optional.of(store.quarantined(vin, 1).get(0).receivedAt()),
          store.connectivity(vin).orElseThrow().lastSeen(), "the newest message is the quarantined one");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT MAX(version) FROM spime_schema")) {
      rs.next();
      assertEquals(5, rs.getInt(1));
    }
  }
}
